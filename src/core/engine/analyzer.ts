import { ChunkCache, splitChunks, type Chunk } from '../reader/chunks';
import { DEFAULT_CONFIG, type SummaryConfig } from '../config/config';
import { analyze, lintDocumentInSlices, prepareChunk, type Analysis } from './lint';
import { bodyStartOf, formatOf, parseChunks } from '../reader/read';
import { readSummary } from './parse';
import { buildDocument } from '../model/build';
import { type ChunkParse } from '../model/types';

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
    const analysis = analyze(text, { ...this.options, format: this.format, cache: this.cache });
    this.last = { text, analysis };
    return analysis;
  }

  /**
   * The same result, computed in slices of at most `sliceMs` with the thread given back in between,
   * so a large document never blocks the editor. Undefined when `isCancelled` says a newer version
   * made this one stale.
   */
  async analyzeInSlices(text: string, slicing: { sliceMs?: number; isCancelled?: () => boolean } = {}): Promise<Analysis | undefined> {
    if (this.last?.text === text) return this.last.analysis;
    const sliceMs = slicing.sliceMs ?? 15;
    const format = this.format;
    let sliceStart = now();
    // the same chunks parseSummary will read, so every one of them is in the cache by then
    const chunks = splitChunks(text, bodyStartOf(text), format);
    // a few chunks at a time (remark is cheaper per call on several), each step well under a slice
    const STEP_CHARS = 8_000;
    // gives the thread back once the slice has run its time; false when a newer version made this one stale
    const slice = async (): Promise<boolean> => {
      if (now() - sliceStart <= sliceMs) return true;
      await yieldToEventLoop();
      if (slicing.isCancelled?.()) return false;
      sliceStart = now();
      return true;
    };
    for (let i = 0; i < chunks.length; ) {
      const step: Chunk[] = [];
      const ready: ChunkParse[] = [];
      while (i < chunks.length && (step.length === 0 || chunks[i].end - step[0].start <= STEP_CHARS)) {
        const chunk = chunks[i++];
        const known = this.cache.lookup(text.slice(chunk.start, chunk.end));
        if (known) {
          ready.push(known);
          break;
        }
        step.push(chunk);
      }
      for (const parse of parseChunks(text, step, format)) {
        this.cache.store(parse.text, parse);
        ready.push(parse);
      }
      // the rules' chunk work, chunk by chunk: a step's parse and its rules' work need not fit one slice
      for (const parse of ready) {
        if (!(await slice())) return undefined;
        prepareChunk(parse, this.options.config);
      }
      if (!(await slice())) return undefined;
    }
    await yieldToEventLoop();
    if (slicing.isCancelled?.()) return undefined;
    if (this.last?.text === text) return this.last.analysis;
    const config = this.options.config ?? DEFAULT_CONFIG;
    // the same two halves as parseSummary, with the thread given back between them
    const read = readSummary(text, { ...this.options, format, config, cache: this.cache });
    await yieldToEventLoop();
    if (slicing.isCancelled?.()) return undefined;
    if (this.last?.text === text) return this.last.analysis;
    const document = buildDocument(read);
    await yieldToEventLoop();
    if (slicing.isCancelled?.()) return undefined;
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
