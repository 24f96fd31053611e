/** Naming places in findings: the cell of a figure, a row's label, a column's header text. */
import { FEN_PER_UNIT } from "../fixed";
import { cellAddress } from "../layout/a1";
import { tableUnit } from "../layout/render";
import type { RowData } from "../model";
import type { TableSpec, TemplatePack } from "../packs/types";
import { chineseNumeral } from "../text";
import type { Finding, RuleContext, TableTexts } from "./types";

/** 表一 … 表十三 from T1 … T13. */
export function tableName(table: TableSpec): string {
  const n = /^T(\d+)$/.exec(table.id);
  return n ? `表${chineseNumeral(Number(n[1]))}` : table.id;
}

/** The header text over a column (its lowest header cell, following merges). */
export function columnTitle(table: TableSpec, key: string): string {
  const c = table.columns.findIndex((col) => col.key === key);
  for (let r = table.header.length - 1; r >= 0; r--) {
    let cc = c;
    while (cc > 0 && table.header[r][cc] === "<") cc--;
    const text = table.header[r][cc];
    if (text !== "^" && text !== "<" && !/^\d+$/.test(text)) return text.replace(/\{year\}/g, "");
  }
  return key;
}

export function rowLabel(row: RowData): string {
  if (row.code) return `${row.code} ${row.name ?? ""}`.trim();
  return row.name ?? row.id ?? "";
}

export function placeOf(context: RuleContext, table: TableSpec, row: RowData | undefined, columnKey: string): Pick<Finding, "sheet" | "cell"> {
  const texts = context.texts?.[table.id];
  if (!texts || !row?.place) return texts ? { sheet: texts.sheetName } : {};
  const col = texts.columns ? (texts.columns[columnKey] ?? Math.min(...Object.values(texts.columns))) : table.columns.findIndex((c) => c.key === columnKey);
  return { sheet: texts.sheetName, cell: cellAddress(row.place.row, Math.max(col, 0)) };
}

export interface TableMoney {
  fenPerUnit: number;
  decimals: number;
  /** Display step in 分 (万元 with 2 decimals: 10,000). */
  step: number;
}

/** The table's money as printed: a recognised table's own amount unit (元 whole, 万元 with 2 decimals) wins over the pack's. */
export function moneyOf(pack: TemplatePack, table: TableSpec, texts?: TableTexts): TableMoney {
  const declared = tableUnit(pack, table);
  const unit = texts?.amountUnit ?? declared.unit;
  const declaredDecimals = unit === declared.unit ? declared.decimals : unit === "万元" ? 2 : 0;
  // A table that prints more decimals than its pack (元 with 分) is read at what it prints.
  const decimals = Math.max(declaredDecimals, texts?.printedDecimals ?? 0);
  const fenPerUnit = FEN_PER_UNIT[unit];
  return { fenPerUnit, decimals, step: fenPerUnit / 10 ** decimals };
}

/** Columns a table's workbook does not print: left out by its edition (部门版), or reported missing. They take part in no sum or tie. */
export function unprintedColumns(texts: TableTexts | undefined): Set<string> {
  return new Set([...(texts?.absentColumns ?? []), ...(texts?.missingColumns ?? [])]);
}

export const amountOf = (row: RowData | undefined, key: string): number => row?.amounts[key] ?? 0;
