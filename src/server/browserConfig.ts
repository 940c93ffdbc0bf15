import { DEFAULT_CONFIG, parseConfig, type SummaryConfig } from '../core/index';
import type { ConfigSource } from './settings';

/**
 * server → client request of the browser build: the text of a workspace folder's `.summaryrc.json`.
 * A Web Worker has no file system; the client reads the file through vscode.workspace.fs (any
 * scheme: a mounted folder, vscode-vfs, memfs) and answers `{ text: null }` when there is none.
 */
export const CONFIG_FILE_REQUEST = 'officialSummary/configFile';

export interface ConfigFileParams {
  folderUri: string;
}

export interface ConfigFileResult {
  text: string | null;
}

/**
 * `.summaryrc.json` as the client reads it, asked for at every analysis (one small round trip,
 * so an edited file counts at the next keystroke without any watcher) and parsed only when its
 * text changed.
 */
export class ClientConfigFiles implements ConfigSource {
  private readonly known = new Map<string, { stamp: string; config: SummaryConfig }>();

  constructor(private readonly ask: (params: ConfigFileParams) => Promise<ConfigFileResult | null | undefined>) {}

  async stampOf(folderUri: string | undefined): Promise<string> {
    if (!folderUri) return '';
    // a client that does not answer (an editor other than ours) is a folder without the file
    const answer = await this.ask({ folderUri }).catch(() => undefined);
    const text = typeof answer?.text === 'string' ? answer.text : undefined;
    const stamp = text === undefined ? 'none' : `${text.length}:${hashOf(text)}`;
    if (this.known.get(folderUri)?.stamp !== stamp) {
      let config = DEFAULT_CONFIG;
      try {
        // problems in the file are shown on the file itself (the JSON schema); the usable part is used
        if (text !== undefined) config = parseConfig(text).config;
      } catch {
        config = DEFAULT_CONFIG;
      }
      this.known.set(folderUri, { stamp, config });
    }
    return stamp;
  }

  /** The configuration read by the last stampOf of the folder (an analysis asks for the stamp first), else asked now. */
  async configIn(folderUri: string | undefined): Promise<SummaryConfig> {
    if (!folderUri) return DEFAULT_CONFIG;
    if (!this.known.has(folderUri)) await this.stampOf(folderUri);
    return this.known.get(folderUri)?.config ?? DEFAULT_CONFIG;
  }
}

/** FNV-1a over UTF-16 code units: a short cache key, not a security measure. */
function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16);
}
