/** What a file's first bytes say it is: a zip package (.xlsx, .ods, .docx) or an OLE compound file (.xls, .doc, or one with a password). */
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

export function fileKind(bytes: Buffer): "zip" | "ole" | "other" {
  const head = bytes.subarray(0, 4);
  return head.equals(ZIP) ? "zip" : head.equals(OLE) ? "ole" : "other";
}
