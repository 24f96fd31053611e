/** What a file's first bytes say it is: a zip package (.xlsx, .ods, .docx) or an OLE compound file (.xls, .doc, or one with a password). */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, head: readonly number[]) => head.every((b, i) => bytes[i] === b);

export function fileKind(bytes: Uint8Array): "zip" | "ole" | "other" {
  return startsWith(bytes, ZIP) ? "zip" : startsWith(bytes, OLE) ? "ole" : "other";
}
