/**
 * 发布前核对: the published document (usually the PDF) against the workbook it was made from. Every
 * figure of a table read in both that differs beyond the published precision, every table or row in one
 * but not the other, and every narrative sentence whose figures differ. Either side may be ours or any
 * recognised workbook; both are readings of the same pack.
 */
import { cellAddress } from "./layout/a1";
import type { RowData } from "./model";
import type { NarrativeLine } from "./narrative/find-text";
import type { TableSpec } from "./packs/types";
import type { WorkbookReading } from "./read-workbook";
import { nameKey } from "./text";
import { columnTitle, moneyOf, rowLabel, tableName } from "./validation/locate";
import { formatAmount } from "./fixed";

export interface Place {
  sheet?: string;
  cell?: string;
}

export interface Difference {
  kind: "table" | "row" | "figure" | "narrative";
  message: string;
  /** Where it is in the published document (a PDF sheet names its pages; placeOnPages turns them into pages). */
  published: Place;
  /** Where it is in the workbook: the cell to select. */
  workbook: Place;
}

/** A row's identity across two readings: its code, its fixed row id, or its name. */
const rowKey = (row: RowData): string => row.code ?? row.id ?? `name:${nameKey(row.name ?? "")}`;

function cellOf(reading: WorkbookReading, table: TableSpec, row: RowData | undefined, key: string): Place {
  const texts = reading.texts[table.id];
  const place = reading.places[table.id];
  if (!texts || !place) return {};
  if (!row?.place) return { sheet: texts.sheetName };
  const col = texts.columns ? texts.columns[key] : place.body.firstCol + table.columns.findIndex((c) => c.key === key);
  return { sheet: texts.sheetName, cell: col === undefined || col < 0 ? undefined : cellAddress(row.place.row, col) };
}

function compareTables(published: WorkbookReading, workbook: WorkbookReading): Difference[] {
  const pack = published.pack!;
  const differences: Difference[] = [];
  const a = published.disclosure!.tables;
  const b = workbook.disclosure!.tables;
  for (const table of pack.tables) {
    const inPublished = a[table.id] !== undefined && published.places[table.id] !== undefined;
    const inWorkbook = b[table.id] !== undefined && workbook.places[table.id] !== undefined;
    if (!inPublished && !inWorkbook) continue;
    if (inPublished !== inWorkbook) {
      differences.push({
        kind: "table",
        message: `${tableName(table)}${inPublished ? "在公开文件中有，工作簿中没有" : "在工作簿中有，公开文件中没有"}。`,
        published: inPublished ? { sheet: published.texts[table.id]?.sheetName } : {},
        workbook: inWorkbook ? { sheet: workbook.texts[table.id]?.sheetName } : {},
      });
      continue;
    }
    // Compared at the precision the published table prints: 万元 to the hundredth, 元 to the 元.
    const money = moneyOf(pack, table, published.texts[table.id]);
    const amountKeys = table.columns.filter((c) => c.kind === "amount").map((c) => c.key);
    for (const side of table.sides) {
      const rowsA = a[table.id][side.id] ?? [];
      const rowsB = b[table.id][side.id] ?? [];
      const byKey = new Map(rowsB.map((r) => [rowKey(r), r]));
      const seen = new Set<string>();
      for (const rowA of rowsA) {
        const key = rowKey(rowA);
        const rowB = byKey.get(key);
        if (!rowB) {
          if (Object.values(rowA.amounts).some((v) => v !== 0)) differences.push({ kind: "row", message: `${tableName(table)}“${rowLabel(rowA)}”在公开文件中有，工作簿中没有。`, published: cellOf(published, table, rowA, side.columns[0]), workbook: { sheet: workbook.texts[table.id]?.sheetName } });
          continue;
        }
        seen.add(key);
        for (const column of side.columns.filter((k) => amountKeys.includes(k))) {
          const x = rowA.amounts[column] ?? 0;
          const y = rowB.amounts[column] ?? 0;
          // The workbook's exact figure prints as the published one when within half the printed step.
          if (Math.abs(x - y) * 2 <= money.step) continue;
          const shown = (fen: number) => formatAmount(fen / money.fenPerUnit, money.decimals, true);
          differences.push({
            kind: "figure",
            message: `${tableName(table)}“${rowLabel(rowA)}”${columnTitle(table, column)}：公开文件 ${shown(x)}，工作簿 ${shown(y)}。`,
            published: cellOf(published, table, rowA, column),
            workbook: cellOf(workbook, table, rowB, column),
          });
        }
      }
      for (const rowB of rowsB)
        if (!seen.has(rowKey(rowB)) && Object.values(rowB.amounts).some((v) => v !== 0))
          differences.push({ kind: "row", message: `${tableName(table)}“${rowLabel(rowB)}”在工作簿中有，公开文件中没有。`, published: { sheet: published.texts[table.id]?.sheetName }, workbook: cellOf(workbook, table, rowB, side.columns[0]) });
    }
  }
  return differences;
}

const FIGURE = /\d[\d,]*(?:\.\d+)?/g;

interface Sentence {
  skeleton: string;
  figures: string[];
  text: string;
  line: NarrativeLine;
}

/** The narrative's sentences, each with its figures taken out: sentences that say the same thing share a skeleton. */
function sentences(reading: WorkbookReading): Sentence[] {
  return (reading.narrative?.lines ?? []).flatMap((line) =>
    line.text
      .split(/(?<=[。；;])/)
      .map((s) => s.replace(/\s+/g, ""))
      .filter((s) => /\d/.test(s.replace(/\d{4}年/g, "")))
      .map((text) => ({ text, line, skeleton: text.replace(FIGURE, "#"), figures: text.match(FIGURE) ?? [] })),
  );
}

const narrativePlace = (reading: WorkbookReading, line: NarrativeLine): Place => ({ sheet: line.sheet ?? reading.narrative?.sheetName, cell: line.place ?? `A${line.row + 1}` });

function compareNarratives(published: WorkbookReading, workbook: WorkbookReading): Difference[] {
  const theirs = sentences(workbook);
  const used = new Set<Sentence>();
  const differences: Difference[] = [];
  for (const s of sentences(published)) {
    const twin = theirs.find((t) => !used.has(t) && t.skeleton === s.skeleton);
    if (!twin) continue;
    used.add(twin);
    const changed = s.figures.flatMap((f, i) => (f.replace(/,/g, "") === twin.figures[i]?.replace(/,/g, "") ? [] : [`${f} → ${twin.figures[i]}`]));
    if (changed.length > 0)
      differences.push({ kind: "narrative", message: `说明中“${s.text.length > 40 ? `${s.text.slice(0, 40)}…` : s.text}”的数字与工作簿不同（公开文件 → 工作簿：${changed.join("，")}）。`, published: narrativePlace(published, s.line), workbook: narrativePlace(workbook, twin.line) });
  }
  return differences;
}

/** The differences between a published reading and the workbook's, tables first, then the narrative. */
export function compareReadings(published: WorkbookReading, workbook: WorkbookReading): Difference[] {
  if (!published.pack || !published.disclosure || !workbook.disclosure || workbook.pack?.id !== published.pack.id) return [];
  return [...compareTables(published, workbook), ...compareNarratives(published, workbook)];
}
