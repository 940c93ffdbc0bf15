import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_CONFIG, parseConfig, type SummaryConfig } from '../core/index';
import { CONFIG_FILE_NAME, ONLINE_RULE_DOCS, type ConfigSource, type ServerHost } from './settings';

// The server's Node-only parts: a browser build (browser.ts) uses browserConfig.ts instead.

/** The server under Node: configuration files from the disk, the rules page shipped beside the bundle. */
export function nodeHost(bundleDirectory: string): ServerHost {
  return { configFiles: new ConfigFiles(), ruleDocs: ruleDocsBase(bundleDirectory), env: process.env };
}

/**
 * `.summaryrc.json` of a workspace folder, re-read when its modification time changes (a client
 * need not watch files for us). The only file of the server that reads the disk.
 */
export class ConfigFiles implements ConfigSource {
  private readonly cache = new Map<string, { stamp: string; config: SummaryConfig }>();

  configIn(folderUri: string | undefined): SummaryConfig {
    const folder = folderUri ? filePathOf(folderUri) : undefined;
    if (!folder) return DEFAULT_CONFIG;
    const file = path.join(folder, CONFIG_FILE_NAME);
    let stamp: string;
    try {
      const stat = fs.statSync(file);
      stamp = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      this.cache.delete(file);
      return DEFAULT_CONFIG;
    }
    const cached = this.cache.get(file);
    if (cached?.stamp === stamp) return cached.config;
    let config = DEFAULT_CONFIG;
    try {
      // problems in the file are the editor's to show on the file itself; the usable part is used
      config = parseConfig(fs.readFileSync(file, 'utf8')).config;
    } catch {
      config = DEFAULT_CONFIG;
    }
    this.cache.set(file, { stamp, config });
    return config;
  }

  /** A stamp that changes whenever the folder's file does (part of the analysis cache key). */
  stampOf(folderUri: string | undefined): string {
    const folder = folderUri ? filePathOf(folderUri) : undefined;
    if (!folder) return '';
    try {
      const stat = fs.statSync(path.join(folder, CONFIG_FILE_NAME));
      return `${stat.mtimeMs}:${stat.size}`;
    } catch {
      return 'none';
    }
  }
}

/** The rules page: the copy shipped beside the bundle (docs/rules.md in the npm package), else the repository's. */
export function ruleDocsBase(bundleDirectory: string): string {
  for (const candidate of [path.join(bundleDirectory, '..', 'docs', 'rules.md'), path.join(bundleDirectory, '..', '..', '..', 'docs', 'rules.md')]) {
    if (fs.existsSync(candidate)) return pathToFileURL(candidate).href;
  }
  return ONLINE_RULE_DOCS;
}

export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
