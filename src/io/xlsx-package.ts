/**
 * An .xlsx package read without SheetJS: the workbook part (sheets in order, hidden flags, defined names)
 * and its relationships through an XML parser, the shared strings and each worksheet through the scan
 * in xlsx-sheet-scan.ts. Null for a package this reader does not take (an .ods, an .xlsb, a chart sheet,
 * a part that is missing or not UTF-8, anything the scan leaves to SheetJS): SheetJS reads it then.
 */
import { DOMParser } from "@xmldom/xmldom";
import { uncachedFormulaProblem, type NamedArea, type SheetCells } from "../core/workbook-cells";
import type { ReadProblem } from "../core/read-tables";
import { cellAddress } from "../core/layout/a1";
import { parseNameReference } from "../core/read-workbook";
import type { WorkbookParts } from "./workbook-parts";
import { latin1, utf8 } from "./text-of-bytes";
import { markupOfString, type MarkupText } from "./markup-text";
import { scanSheetXml, stringItemText } from "./xlsx-sheet-scan";

export interface ScannedWorkbook {
  sheets: SheetCells[];
  names: Map<string, NamedArea>;
  /** One note per sheet with formulas saved without their results. */
  problems: ReadProblem[];
}

const WORKBOOK_PART = "xl/workbook.xml";
const RELATIONSHIP_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const STRICT_RELATIONSHIP_TYPE = "http://purl.oclc.org/ooxml/officeDocument/relationships/";

/** A part's bytes, when the part is there and its XML declares no encoding other than UTF-8. */
function partBytes(parts: WorkbookParts, path: string): Uint8Array | undefined {
  const bytes = parts[path]?.content;
  if (!bytes || bytes[0] === 0xfe || bytes[0] === 0xff) return undefined; // none, or UTF-16
  const encoding = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(latin1(bytes.subarray(0, 200)))?.[1];
  return encoding === undefined || /^utf-?8$/i.test(encoding) ? bytes : undefined;
}

function partText(parts: WorkbookParts, path: string): string | undefined {
  const bytes = partBytes(parts, path);
  return bytes && utf8(bytes);
}

const xmlDocument = (text: string) => new DOMParser({ errorHandler: () => undefined }).parseFromString(text, "text/xml");

/** A relationship's kind ("worksheet", "sharedStrings"), in the transitional or the strict namespace. */
const relationshipKind = (type: string): string => type.replace(RELATIONSHIP_TYPE, "").replace(STRICT_RELATIONSHIP_TYPE, "");

/** A relationship target as a package path: "worksheets/sheet1.xml" from xl/ is xl/worksheets/sheet1.xml. */
function partPath(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const path: string[] = ["xl"];
  for (const step of target.split("/")) {
    if (step === "..") path.pop();
    else if (step !== ".") path.push(step);
  }
  return path.join("/");
}

/** The shared strings table: each item's text, in order. */
function sharedStringsOf(text: string | undefined): string[] {
  if (text === undefined) return [];
  const strings: string[] = [];
  for (const item of text.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) strings.push(item[1] === undefined ? "" : stringItemText(item[1]));
  return strings;
}

/** Reads an .xlsx package's parts into sheets and names, or null where SheetJS should read the file. */
export function scannedWorkbook(parts: WorkbookParts, maxRows: number, markupOf: (bytes: Uint8Array) => MarkupText = (bytes) => markupOfString(utf8(bytes))): ScannedWorkbook | null {
  const workbookText = partText(parts, WORKBOOK_PART);
  const relationshipsText = partText(parts, "xl/_rels/workbook.xml.rels");
  if (workbookText === undefined || relationshipsText === undefined) return null;

  const targets = new Map<string, { kind: string; path: string }>();
  const relationships = xmlDocument(relationshipsText).getElementsByTagNameNS("*", "Relationship");
  for (let i = 0; i < relationships.length; i++) {
    const relationship = relationships[i];
    if (relationship.getAttribute("TargetMode") === "External") continue;
    targets.set(relationship.getAttribute("Id") ?? "", { kind: relationshipKind(relationship.getAttribute("Type") ?? ""), path: partPath(relationship.getAttribute("Target") ?? "") });
  }
  const sharedStringsPart = [...targets.values()].find((t) => t.kind === "sharedStrings")?.path;
  const sharedStrings = sharedStringsOf(sharedStringsPart === undefined ? undefined : partText(parts, sharedStringsPart));

  const workbook = xmlDocument(workbookText);
  const sheetElements = workbook.getElementsByTagNameNS("*", "sheet");
  const sheets: SheetCells[] = [];
  const problems: ReadProblem[] = [];
  for (let i = 0; i < sheetElements.length; i++) {
    const element = sheetElements[i];
    const target = targets.get(relationshipIdOf(element));
    if (target?.kind !== "worksheet") return null;
    const xml = partBytes(parts, target.path);
    if (xml === undefined) return null;
    const scanned = scanSheetXml(markupOf(xml), sharedStrings, maxRows);
    if (!scanned) return null;
    const { rows, rowCount, colCount, merges, formulasWithoutValue } = scanned;
    const state = element.getAttribute("state");
    const name = element.getAttribute("name") ?? "";
    const { count, first } = formulasWithoutValue;
    if (first) problems.push(uncachedFormulaProblem(name, count, cellAddress(first.row, first.col)));
    sheets.push({ name, hidden: state === "hidden" || state === "veryHidden", rowCount, colCount, merges, value: (row, col) => rows[row]?.[col] ?? null });
  }

  const names = new Map<string, NamedArea>();
  const definedNames = workbook.getElementsByTagNameNS("*", "definedName");
  for (let i = 0; i < definedNames.length; i++) {
    const definedName = definedNames[i];
    if (definedName.hasAttribute("localSheetId")) continue; // sheet-scoped names are not ours
    const place = parseNameReference(definedName.textContent ?? "");
    if (place) names.set(definedName.getAttribute("name") ?? "", place);
  }
  return { sheets, names, problems };
}

/** A sheet's relationship id (r:id), whatever prefix the file gives the relationships namespace. */
function relationshipIdOf(element: Element): string {
  for (let i = 0; i < element.attributes.length; i++) {
    const attribute = element.attributes[i];
    if (attribute.localName === "id" && attribute.prefix) return attribute.value;
  }
  return "";
}
