/**
 * Hidden sheets of an OpenDocument spreadsheet. SheetJS neither reads nor writes an .ods sheet's
 * visibility, which lives in its table style (<style:table-properties table:display="false"/>) in
 * content.xml; without this a hidden stale table in an .ods reads as visible.
 */
import * as XLSX from "@e965/xlsx";
import { latin1, utf8 } from "./text-of-bytes";
import { unescapeXml } from "./xml-text";

const attributes = (tag: string): Map<string, string> => new Map([...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));

/** The names of the hidden sheets of an .ods package (empty for anything else). */
export function odsHiddenSheets(bytes: Uint8Array, extension: string): Set<string> {
  const hidden = new Set<string>();
  // An OpenDocument package opens with its uncompressed "mimetype" entry (SheetJS's own do not): other zips are not inflated twice.
  if (extension !== ".ods" && !latin1(bytes.subarray(0, 100)).includes("mimetypeapplication/vnd.oasis.opendocument.spreadsheet")) return hidden;
  let content: string;
  try {
    const zip = XLSX.CFB.read(bytes, { type: "array" });
    const entry = XLSX.CFB.find(zip, "/content.xml");
    if (!entry) return hidden;
    content = utf8(entry.content as Uint8Array);
  } catch {
    return hidden;
  }
  const hiddenStyles = new Set<string>();
  for (const m of content.matchAll(/<style:style\b([^>]*)>([\s\S]*?)<\/style:style>/g)) {
    const style = attributes(m[1]);
    if (style.get("style:family") === "table" && /<style:table-properties\b[^>]*table:display="false"/.test(m[2])) hiddenStyles.add(style.get("style:name") ?? "");
  }
  if (hiddenStyles.size === 0) return hidden;
  for (const m of content.matchAll(/<table:table\b([^>]*)>/g)) {
    const table = attributes(m[1]);
    if (hiddenStyles.has(table.get("table:style-name") ?? "")) hidden.add(unescapeXml(table.get("table:name") ?? ""));
  }
  return hidden;
}
