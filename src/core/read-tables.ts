/**
 * Reads a table's rows back from any grid of cell values (Office.js or ExcelJS)
 * into the data model. Never throws: a bad cell becomes a problem naming the cell,
 * and its amount is left empty.
 */
import { describeBadAmount, readAmount, type CellValue } from "./amount";
import { readCode } from "./codes";
import { FEN_PER_UNIT } from "./fixed";
import { cellAddress, type Area } from "./layout/a1";
import { TOTAL_ROW_ID, fillPattern, tableUnit } from "./layout/render";
import type { RowData, TableData } from "./model";
import type { FixedRowSpec, TableSpec, TemplatePack } from "./packs/types";
import { nameKey, toHalfWidth, trimAll } from "./text";

export interface SheetGrid {
  name: string;
  /** 0-based row and column. */
  value(row: number, col: number): CellValue;
}

export interface ReadProblem {
  sheet: string;
  /** A1 address, "" when the problem is not in one cell. */
  cell: string;
  message: string;
  tableId?: string;
}

const text = (v: CellValue): string => (typeof v === "string" ? trimAll(toHalfWidth(v)) : typeof v === "number" ? String(v) : "");

export function readTableRows(pack: TemplatePack, table: TableSpec, grid: SheetGrid, body: Area): { data: TableData; problems: ReadProblem[] } {
  const problems: ReadProblem[] = [];
  const factor = FEN_PER_UNIT[tableUnit(pack, table).unit];
  const colOf = new Map(table.columns.map((c, i) => [c.key, i]));
  const data: TableData = {};
  const problem = (row: number, col: number, message: string) => problems.push({ sheet: grid.name, cell: cellAddress(row, col), message, tableId: table.id });

  for (const side of table.sides) {
    const amountKeys = side.columns.filter((k) => table.columns[colOf.get(k)!].kind === "amount");
    const textKeys = side.columns.filter((k) => table.columns[colOf.get(k)!].kind === "text");
    const readAmounts = (row: number): { amounts: RowData["amounts"]; any: boolean } => {
      const amounts: RowData["amounts"] = {};
      let any = false;
      for (const key of amountKeys) {
        const col = colOf.get(key)!;
        const reading = readAmount(grid.value(row, col));
        if (reading.kind === "number") {
          amounts[key] = Math.round(reading.value * factor);
          any = true;
        } else if (reading.kind !== "blank") {
          problem(row, col, `金额${describeBadAmount(reading)}。`);
          any = true;
        }
      }
      return { amounts, any };
    };
    const readTexts = (row: number): Record<string, string> | undefined => {
      const texts = Object.fromEntries(textKeys.map((k) => [k, text(grid.value(row, colOf.get(k)!))]).filter(([, v]) => v !== ""));
      return Object.keys(texts).length > 0 ? texts : undefined;
    };
    const rows: RowData[] = [];
    const labelCol = colOf.get(side.labelColumn)!;

    if (side.body.kind === "fixed") {
      const specs: FixedRowSpec[] = [...side.body.rows, ...(side.footer ?? [])].filter((s) => !s.blank);
      let next = 0;
      for (let r = body.firstRow; r <= body.lastRow; r++) {
        const label = text(grid.value(r, labelCol));
        const { amounts, any } = readAmounts(r);
        if (label === "") {
          if (any) problem(r, labelCol, "这一行有金额但没有项目名称。");
          continue;
        }
        const found = specs.findIndex((s, i) => i >= next && nameKey(s.label) === nameKey(label));
        if (found < 0) {
          problem(r, labelCol, `无法识别的行“${label}”：不是本表的固定行，或顺序有变。`);
          continue;
        }
        next = found + 1;
        rows.push({ id: specs[found].id, name: label, amounts, place: { row: r } });
      }
    } else {
      const codeCol = side.body.kind === "subjects" ? colOf.get(side.body.codeColumn)! : -1;
      const nameCol = colOf.get(side.body.kind === "subjects" ? side.body.nameColumn : side.body.nameColumn)!;
      const totalLabel = side.body.kind === "subjects" ? side.body.totalRow.label : fillPattern(side.body.totalRow.label, { year: 0, name: "" });
      for (let r = body.firstRow; r <= body.lastRow; r++) {
        const { amounts, any } = readAmounts(r);
        const name = text(grid.value(r, nameCol));
        const codeValue = codeCol >= 0 ? grid.value(r, codeCol) : null;
        const isFirst = r === body.firstRow;
        const labelText = text(codeCol >= 0 ? grid.value(r, side.body.kind === "subjects" ? colOf.get(side.body.totalRow.labelColumn)! : codeCol) : grid.value(r, nameCol));
        const looksTotal = (totalLabel !== "" && (labelText === totalLabel || name === totalLabel)) || (isFirst && (totalLabel === "" || side.body.kind === "items"));
        if (looksTotal && !rows.some((row) => row.id === TOTAL_ROW_ID)) {
          rows.push({ id: TOTAL_ROW_ID, name: side.body.kind === "items" ? name : totalLabel || "合计", amounts, place: { row: r } });
          continue;
        }
        if (side.body.kind === "items") {
          if (name === "") {
            if (any) problem(r, nameCol, "这一行有金额但没有名称。");
            continue;
          }
          rows.push({ name, amounts, place: { row: r } });
          continue;
        }
        const reading = readCode(codeValue, side.body.classification === "economic" ? [3, 5] : [3, 5, 7]);
        if (reading.kind === "blank") {
          if (any || name !== "") problem(r, codeCol, `这一行${name ? `（${name}）` : ""}没有科目编码。`);
          continue;
        }
        if (reading.kind === "invalid") {
          problem(r, codeCol, `科目编码“${reading.text}”${reading.reason}。`);
          continue;
        }
        const row: RowData = { code: reading.code, name, amounts, place: { row: r } };
        const texts = readTexts(r);
        if (texts) row.texts = texts;
        rows.push(row);
      }
    }
    data[side.id] = rows;
  }
  return { data, problems };
}

