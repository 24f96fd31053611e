/** A part's XML searched as bytes by Node's native search (see src/io/markup-text.ts): no 5 MB string per sheet. */
import type { MarkupText } from "../io/markup-text";

export function markupOfBuffer(bytes: Uint8Array): MarkupText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    length: buffer.length,
    // Markup is ASCII: its latin1 bytes are its UTF-8 bytes.
    indexOf: (markup, from) => buffer.indexOf(markup, from, "latin1"),
    lastIndexOf: (markup, from) => (from < 0 ? -1 : buffer.lastIndexOf(markup, from, "latin1")),
    slice: (start, end) => buffer.toString("utf8", start, end),
  };
}
