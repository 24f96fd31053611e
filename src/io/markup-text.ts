/**
 * A part's XML as the sheet scan searches it: find markup (ASCII) forwards and backwards, and take the
 * text between two positions. Positions are the implementation's own (characters of a decoded string,
 * or bytes of the undecoded part); the scan only hands back what it was given. The command line searches
 * the bytes with Node's native search and decodes only the filled cells (markupOfBuffer in
 * src/cli/markup-buffer.ts); the task pane decodes the part once (markupOfString).
 */
export interface MarkupText {
  readonly length: number;
  indexOf(markup: string, from: number): number;
  /** The last occurrence that starts at or before `from`. */
  lastIndexOf(markup: string, from: number): number;
  /** The text from `start` up to `end`. */
  slice(start: number, end: number): string;
}

export const markupOfString = (text: string): MarkupText => ({
  length: text.length,
  indexOf: (markup, from) => text.indexOf(markup, from),
  lastIndexOf: (markup, from) => (from < 0 ? -1 : text.lastIndexOf(markup, from)),
  slice: (start, end) => text.slice(start, end),
});
