/**
 * A set of words found in one pass over a text, whatever their number: each word is kept by its first
 * UTF-16 unit, and a table of 64 Ki flags rules most characters of a text out with one array read.
 * The wording dictionary and pasted-content's pre-checks both search for many words this way.
 */
export class WordIndex<T> {
  private readonly byFirstUnit = new Map<number, { word: string; value: T }[]>();
  private readonly isFirstUnit = new Uint8Array(0x10000);

  add(word: string, value: T): void {
    const unit = word.charCodeAt(0);
    const list = this.byFirstUnit.get(unit) ?? [];
    list.push({ word, value });
    this.byFirstUnit.set(unit, list);
    this.isFirstUnit[unit] = 1;
  }

  /** Calls `visit` for every place a word starts in `text`, in order (words that start at one place: in the order added). */
  scan(text: string, visit: (at: number, word: string, value: T) => void): void {
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (this.isFirstUnit[unit] === 0) continue;
      for (const { word, value } of this.byFirstUnit.get(unit)!) if (text.startsWith(word, i)) visit(i, word, value);
    }
  }
}
