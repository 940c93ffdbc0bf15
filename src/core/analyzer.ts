import { ChunkCache, splitChunks } from './chunks';
import { DEFAULT_CONFIG, type SummaryConfig } from './config';
import { lintDocument, lintDocumentInSlices, prepareChunk, type Analysis } from './lint';
import { formatOf, parseChunk, parseSummary, type ChunkParse } from './parse';
import { readFrontMatter } from './blocks';

export interface AnalyzerOptions {
  fileName?: string;
  format?: 'markdown' | 'text';
  config?: SummaryConfig;
}

/**
 * One per open document: each version re-parses only the chunks an edit touched. The result is
 * always equal to a fresh `analyze` of the same text, because a chunk's parse depends on its
 * text alone.
 */
export class DocumentAnalyzer {
  private readonly cache = new ChunkCache<ChunkParse>();
  private last?: { text: string; analysis: Analysis };

  constructor(private readonly options: AnalyzerOptions = {}) {}

  get format(): 'markdown' | 'text' {
    return this.options.format ?? formatOf(this.options.fileName);
  }

  analyze(text: string): Analysis {
    if (this.last?.text === text) return this.last.analysis;
    const config = this.options.config ?? DEFAULT_CONFIG;
    const document = parseSummary(text, { ...this.options, format: this.format, config, cache: this.cache });
    const analysis = { document, findings: lintDocument(document, config) };
    this.last = { text, analysis };
    return analysis;
  }

  /**
   * The same result, computed in slices of at most `sliceMs` with the thread given back in between,
   * so a large document never blocks the editor. Undefined when `isCancelled` says a newer version
   * made this one stale.
   */
  async analyzeInSlices(text: string, slicing: { sliceMs?: number; isCancelled?: () => boolean } = {}): Promise<Analysis | undefined> {
    const sliceMs = slicing.sliceMs ?? 15;
    const format = this.format;
    const bodyStart = readFrontMatter(text)?.end ?? 0;
    let sliceStart = now();
    for (const chunk of splitChunks(text, bodyStart, format)) {
      const chunkText = text.slice(chunk.start, chunk.end);
      prepareChunk(this.cache.get(chunkText, () => parseChunk(chunkText, format)));
      if (now() - sliceStart > sliceMs) {
        await yieldToEventLoop();
        if (slicing.isCancelled?.()) return undefined;
        sliceStart = now();
      }
    }
    await yieldToEventLoop();
    if (slicing.isCancelled?.()) return undefined;
    if (this.last?.text === text) return this.last.analysis;
    const config = this.options.config ?? DEFAULT_CONFIG;
    const document = parseSummary(text, { ...this.options, format, config, cache: this.cache });
    const findings = await lintDocumentInSlices(document, config, { sliceMs, yieldToEventLoop, now, ...(slicing.isCancelled ? { isCancelled: slicing.isCancelled } : {}) });
    if (!findings) return undefined;
    const analysis = { document, findings };
    this.last = { text, analysis };
    return analysis;
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
