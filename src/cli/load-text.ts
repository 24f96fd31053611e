/**
 * A narrative given to the CLI as a file: Word .docx (read with mammoth, in document order,
 * tables and lists included) or plain text (UTF-8, or GBK as Chinese Windows saves it).
 * Refuses what it cannot read with one Chinese line.
 */
import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import mammoth from "mammoth";
import { InputError } from "../io/input-error";
import { fileKind } from "../io/file-kind";
import { decodeText, htmlBlocks } from "../core/narrative/find-text";

/** A narrative is tens of pages at most. */
const MAX_TEXT_BYTES = 20 * 1024 * 1024;

/** The file's paragraphs, in order. */
export async function loadNarrativeText(path: string): Promise<string[]> {
  let bytes: Buffer;
  try {
    if ((await stat(path)).size > MAX_TEXT_BYTES) throw new InputError(`${path}：文件超过 ${MAX_TEXT_BYTES / 1048576} MB，不像是一份说明，未读取。`);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}：文件不存在或无法读取。`);
  }
  const extension = extname(path).toLowerCase();
  if (extension === ".txt") return decodeText(bytes).split(/\r?\n/);
  if (fileKind(bytes) === "ole") throw new InputError(`${path}：Word 文件设了密码，或是旧版 .doc 格式；请在 Word 或 WPS 中取消密码，另存为 .docx 后再试。`);
  if (extension !== ".docx" || fileKind(bytes) !== "zip") throw new InputError(`${path}：说明只能是 Word 的 .docx 文件或 .txt 文本文件。`);
  try {
    // mammoth's HTML keeps the document's order, table cells and list items, with the footnotes after the body.
    const { value } = await mammoth.convertToHtml({ buffer: bytes });
    return htmlBlocks(value);
  } catch (error) {
    throw new InputError(`${path}：Word 文件已损坏或不完整，无法读取（${String((error as Error).message).split("\n")[0].slice(0, 80)}）。`);
  }
}
