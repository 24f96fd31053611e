/** Bytes as text without Node's Buffer, so that the same readers run in the command line and in the task pane. */
export const utf8 = (bytes: Uint8Array): string => new TextDecoder("utf-8").decode(bytes);

/**
 * One character per byte, for looking for ASCII markup in XML of any encoding. The WHATWG "latin1" is
 * windows-1252: bytes 0x80–0x9F become other characters, never ASCII, so ASCII patterns match as in ISO-8859-1.
 */
export const latin1 = (bytes: Uint8Array): string => new TextDecoder("latin1").decode(bytes);
