/**
 * One workbook model handed to every reader: the command line's (a file written by SheetJS, read
 * by loadWorkbook), the Excel adapter over FakeExcel and the WPS adapter over FakeEt. The
 * reader-parity tests feed the same model to each and compare what they read.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import type { CellValue } from "../../src/core/amount";
import { areaAddress, cellAddress, quoteSheetName, type Area } from "../../src/core/layout/a1";
import { cellKey, layoutCellValues } from "../../src/core/layout/read-back";
import type { SheetLayout } from "../../src/core/layout/types";
import { FakeExcel, type FakeCell } from "./fake-excel";
import { FakeEt } from "./fake-et";

export interface ModelSheet {
  name: string;
  /** 0 visible, 1 hidden, 2 very hidden. */
  hidden?: 0 | 1 | 2;
  rows: CellValue[][];
  merges: Area[];
  /** An empty cell with a format far below the values (a template's styled area): in WPS's used range, in no other. */
  formattedEmpty?: { row: number; col: number };
}

export interface BookModel {
  sheets: ModelSheet[];
  /** The Excel add-in's document settings, kept in the .xlsx as Excel keeps them (web extension properties). */
  documentSettings?: ReadonlyMap<string, unknown>;
  /** `scope`: the sheet of a sheet-scoped name (a Print_Area, or a name copied with its sheet); workbook-scoped otherwise. */
  names: { name: string; sheetName: string; area: Area; scope?: string }[];
}

/** A sheet as our layout writes it, with its computed values. */
export function layoutSheet(layout: SheetLayout, hidden: 0 | 1 | 2 = 0): ModelSheet {
  const values = layoutCellValues(layout);
  const rows = Array.from({ length: layout.rowCount }, (_, r) => Array.from({ length: layout.columns.length }, (_, c) => values.get(cellKey(r, c)) ?? null));
  return {
    name: layout.sheetName,
    hidden,
    rows,
    merges: layout.merges.map((m) => ({ ...m })),
  };
}

export function layoutNames(layouts: readonly SheetLayout[]): BookModel["names"] {
  return layouts.flatMap((l) =>
    l.names.map((n) => ({
      name: n.name,
      sheetName: l.sheetName,
      area: n.area,
    })),
  );
}

const isError = (v: CellValue): v is { error: string } => typeof v === "object" && v !== null && typeof (v as { error?: unknown }).error === "string";
const BIFF_ERRORS: Record<string, number> = {
  "#NULL!": 0x00,
  "#DIV/0!": 0x07,
  "#VALUE!": 0x0f,
  "#REF!": 0x17,
  "#NAME?": 0x1d,
  "#NUM!": 0x24,
  "#N/A": 0x2a,
};

/** The model as a file, written by SheetJS: values, merges, hidden sheets and workbook names. */
export function modelFile(book: BookModel, bookType: "xlsx" | "ods"): string {
  const wb = XLSX.utils.book_new();
  for (const s of book.sheets) {
    // .ods: SheetJS writes no error cells, so they go as their text and become errors below, as LibreOffice stores them.
    const sheet = XLSX.utils.aoa_to_sheet(s.rows.map((r) => r.map((v) => (v === undefined ? null : isError(v) ? (bookType === "ods" ? v.error : null) : v))) as unknown[][]);
    if (bookType === "xlsx")
      s.rows.forEach((r, row) =>
        r.forEach((v, col) => {
          if (isError(v))
            sheet[XLSX.utils.encode_cell({ r: row, c: col })] = {
              t: "e",
              v: BIFF_ERRORS[v.error] ?? 0x2a,
            };
        }),
      );
    sheet["!merges"] = s.merges.map((m) => ({
      s: { r: m.firstRow, c: m.firstCol },
      e: { r: m.lastRow, c: m.lastCol },
    }));
    XLSX.utils.book_append_sheet(wb, sheet, s.name);
  }
  wb.Workbook = {
    Sheets: book.sheets.map((s) => ({ Hidden: s.hidden ?? 0 })),
    Names: book.names.map((n) => ({
      Name: n.name,
      ...(n.scope !== undefined ? { Sheet: book.sheets.findIndex((s) => s.name === n.scope) } : {}),
      Ref: book.sheets.some((s) => s.name === n.sheetName) ? `${quoteSheetName(n.sheetName)}!${areaAddress(n.area, true)}` : "#REF!",
    })),
  };
  const path = join(mkdtempSync(join(tmpdir(), "parity-")), `book.${bookType}`);
  const bytes = XLSX.write(wb, { type: "buffer", bookType }) as Buffer;
  writeFileSync(
    path,
    bookType === "xlsx" && book.documentSettings
      ? withOfficeSettings(bytes, book.documentSettings)
      : bookType === "ods"
      ? asLibreOfficeWrites(
          bytes,
          book.sheets.filter((s) => (s.hidden ?? 0) > 0).map((s) => s.name),
        )
      : bytes,
  );
  return path;
}

const xmlAttribute = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * An .xlsx with an Office add-in's document settings, as Excel saves them: a task pane part that refers to
 * a web extension part, whose properties hold each setting's value as JSON.
 */
export function withOfficeSettings(bytes: Buffer, settings: ReadonlyMap<string, unknown>): Buffer {
  const zip = XLSX.CFB.read(bytes, { type: "buffer" });
  const text = (path: string) => Buffer.from(XLSX.CFB.find(zip, path)!.content as Uint8Array).toString("utf8");
  const put = (path: string, xml: string) => {
    const entry = XLSX.CFB.find(zip, path);
    if (entry) entry.content = Buffer.from(xml, "utf8");
    else XLSX.CFB.utils.cfb_add(zip, path, Buffer.from(xml, "utf8"));
  };
  const properties = [...settings].map(([name, value]) => `<we:property name="${xmlAttribute(name)}" value="${xmlAttribute(JSON.stringify(value))}"/>`).join("");
  put(
    "/xl/webextensions/webextension1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{5C3E7E3A-1B1F-4C2E-9F5E-2D6A1C0B7E11}"><we:reference id="5f21035f-de28-4d95-b58b-154915dab38d" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties>${properties}</we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`,
  );
  put(
    "/xl/webextensions/taskpanes.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"><wetp:taskpane dockstate="right" visibility="0" width="350" row="0"><wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`,
  );
  put(
    "/xl/webextensions/_rels/taskpanes.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/></Relationships>`,
  );
  put("/_rels/.rels", text("/_rels/.rels").replace("</Relationships>", '<Relationship Id="rIdWe" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/></Relationships>'));
  put(
    "/[Content_Types].xml",
    text("/[Content_Types].xml").replace(
      "</Types>",
      '<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/><Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/></Types>',
    ),
  );
  return XLSX.CFB.write(zip, { type: "buffer", fileType: "zip" }) as Buffer;
}

/**
 * What SheetJS's .ods writer leaves out, put back as LibreOffice writes it: hidden sheets (a table style
 * with table:display="false") and error cells (calcext:value-type="error" with the error's text).
 */
function asLibreOfficeWrites(bytes: Buffer, hidden: readonly string[]): Buffer {
  const zip = XLSX.CFB.read(bytes, { type: "buffer" });
  const entry = XLSX.CFB.find(zip, "/content.xml")!;
  let xml = Buffer.from(entry.content as Uint8Array).toString("utf8");
  xml = xml.replace("<office:automatic-styles>", '<office:automatic-styles><style:style style:name="taHidden" style:family="table"><style:table-properties table:display="false"/></style:style>');
  xml = xml.replace(
    /<table:table-cell office:value-type="string"([^>]*)><text:p>(#[^<]+)<\/text:p>/g,
    (_, rest: string, error: string) => `<table:table-cell office:value-type="string" office:string-value="" calcext:value-type="error"${rest}><text:p>${error}</text:p>`,
  );
  for (const name of hidden) {
    const escaped = name.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
    xml = xml.replace(`<table:table table:name="${escaped}" table:style-name="ta1">`, `<table:table table:name="${escaped}" table:style-name="taHidden">`);
  }
  entry.content = Buffer.from(xml, "utf8");
  return XLSX.CFB.write(zip, { type: "buffer", fileType: "zip" }) as Buffer;
}

/** The model in a fake Office.js workbook. */
export function modelExcel(book: BookModel, mergesApi: boolean): FakeExcel {
  return new FakeExcel(
    book.sheets.map((s) => {
      const cells = new Map<string, FakeCell>();
      s.rows.forEach((r, row) => r.forEach((v, col) => v !== null && v !== undefined && v !== "" && cells.set(cellKey(row, col), v as FakeCell)));
      return {
        name: s.name,
        visibility: (["Visible", "Hidden", "VeryHidden"] as const)[s.hidden ?? 0],
        cells,
        merges: s.merges,
      };
    }),
    // Office.js lists a sheet-scoped name under its worksheet's names, not the workbook's.
    book.names.filter((n) => n.scope === undefined).map(({ name, sheetName, area }) => ({ name, sheetName, area })),
    { mergesApi },
  );
}

/** COM's error values (CVErr) as some WPS builds return them. */
const COM_ERRORS: Record<string, number> = {
  "#DIV/0!": -2146826281,
  "#N/A": -2146826246,
  "#NAME?": -2146826259,
  "#NULL!": -2146826288,
  "#NUM!": -2146826252,
  "#REF!": -2146826265,
  "#VALUE!": -2146826273,
  "#SPILL!": -2146826243,
  "#CALC!": -2146826238,
};

/** The model in a fake WPS workbook, error cells as COM numbers or as their text. */
export function modelEt(book: BookModel, errors: "com" | "text"): FakeEt {
  const et = new FakeEt();
  for (const s of book.sheets) {
    const rows = s.rows.map((r) => r.map((v) => (isError(v) ? (errors === "com" ? COM_ERRORS[v.error] : v.error) : (v as string | number | boolean | null))));
    const sheet = et.loadPlainSheet(s.name, rows, s.merges);
    sheet.visible = [-1, 0, 2][s.hidden ?? 0];
    if (s.formattedEmpty) sheet.Range(cellAddress(s.formattedEmpty.row, s.formattedEmpty.col)).NumberFormat = "@";
  }
  const names = et.app.ActiveWorkbook.Names;
  // COM names a sheet-scoped name "Sheet!Name" in the workbook's Names.
  for (const n of book.names) names.Add(n.scope !== undefined ? `${quoteSheetName(n.scope)}!${n.name}` : n.name, book.sheets.some((s) => s.name === n.sheetName) ? `=${quoteSheetName(n.sheetName)}!${areaAddress(n.area, true)}` : "=#REF!");
  return et;
}
