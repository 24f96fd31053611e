/**
 * Reads the published reference (test/fixtures/xinzhou-sscard-2024-unit-budget.md,
 * a copy of shared/reference) into per-table grids of cell texts as printed.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readDataFile } from "../../src/core/data-format";
import type { Disclosure } from "../../src/core/model";

const here = fileURLToPath(new URL(".", import.meta.url));
export const REFERENCE_MD = readFileSync(`${here}../fixtures/xinzhou-sscard-2024-unit-budget.md`, "utf8");
export const EXAMPLE_PATH = `${here}../../examples/xinzhou-2024.json`;

export function loadExample(): Disclosure {
  const result = readDataFile(JSON.parse(readFileSync(EXAMPLE_PATH, "utf8")));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.disclosure;
}

/** Cell text without the stray spaces of the PDF conversion. */
export const normalizeCell = (text: string): string => text.replace(/\s+/g, "");

/**
 * The Markdown tables printed under a title, in order, as one grid (separator
 * rows dropped). Stops at the next non-table paragraph that is not the 单位 lines.
 */
export function referenceGrid(title: string): string[][] {
  const lines = REFERENCE_MD.split("\n");
  const start = lines.findIndex((l) => l.trim() === title);
  if (start < 0) throw new Error(`title not found: ${title}`);
  const grid: string[][] = [];
  let seenTable = false;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line.startsWith("|")) {
      seenTable = true;
      if (/^\|[-|\s]+\|$/.test(line)) continue;
      grid.push(line.slice(1, -1).split("|").map(normalizeCell));
    } else if (line !== "" && seenTable && !line.startsWith("|")) break;
    else if (line !== "" && !seenTable && !/^(单位名称|单位：)/.test(line)) break;
  }
  return grid;
}

/** The paragraph lines that follow a title up to the first table. */
export function referenceLinesAfter(title: string, count: number): string[] {
  const lines = REFERENCE_MD.split("\n").map((l) => l.trim());
  const start = lines.findIndex((l) => l === title);
  return lines.slice(start + 1).filter((l) => l !== "").slice(0, count);
}

export function referenceNoteAfter(title: string): string | null {
  const lines = REFERENCE_MD.split("\n").map((l) => l.trim());
  const start = lines.findIndex((l) => l === title);
  let seenTable = false;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith("|")) seenTable = true;
    else if (line !== "" && seenTable) return line.startsWith("注：") ? line : null;
  }
  return null;
}

/** The published reference's own 情况说明 text (第三部分) and its 名词解释 (第四部分), line by line, as printed. */
export function referenceNarrative(): string[] {
  const md = REFERENCE_MD.split("\n");
  const start = md.findIndex((l) => l.trim() === "第三部分 2024年度单位预算情况说明");
  return md.slice(start).map((l) => l.trim()).filter((l) => l && !l.startsWith("|"));
}
