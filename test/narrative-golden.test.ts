/** The generated 情况说明 against the reference's 第三部分, sentence by sentence. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDataFile } from "../src/core/data-format";
import { readBackLayouts } from "../src/core/layout/read-back";
import { planInsertion } from "../src/core/layout/workbook";
import { readNarrativeFacts } from "../src/core/narrative/facts";
import { changeClause, generateNarrative } from "../src/core/narrative/generate";
import { SHANXI_UNIT_13 } from "../src/core/packs/shanxi-unit-13";
import { EXAMPLE_PATH, REFERENCE_MD } from "./support/reference";

const json = JSON.parse(readFileSync(EXAMPLE_PATH, "utf8"));
const read = readDataFile(json);
if (!read.ok) throw new Error("example unreadable");
const layouts = planInsertion(SHANXI_UNIT_13, read.disclosure.unit, SHANXI_UNIT_13.tables.map((t) => t.id), [], read.disclosure.tables).layouts;
const disclosure = readBackLayouts(layouts, read.disclosure.unit)!;
const generated = generateNarrative(disclosure, readNarrativeFacts(json.narrative, "元"));

/** The reference's 第三部分 as lines, without chart captions and the attached performance form. */
function referenceLines(): string[] {
  const lines = REFERENCE_MD.split("\n").map((l) => l.trim());
  const start = lines.indexOf("第三部分 2024年度单位预算情况说明");
  const end = lines.indexOf("附件", start);
  const skip = new Set(["收入预算图", "一般公共预算当年拨款结构图", "忻州市市级预算部门（单位）项目支出绩效目标表", "(2024年度)"]);
  return lines.slice(start, end).filter((l) => l !== "" && !l.startsWith("|") && !skip.has(l));
}

/** The documented conventions where the reference's own wording varies (docs/narrative.md). */
function normalize(line: string): string {
  return line.replace(/100\.00万元/g, "100万元").replace(/总额的100%/g, "总额的100.00%");
}

describe("情况说明 generated from the reference's tables and facts", () => {
  const reference = referenceLines();

  it("has the reference's headings and paragraphs, in order", () => {
    expect(generated.map((p) => p.text)).toHaveLength(reference.length);
  });

  it.each(referenceLines().map((line, i) => [i, line] as const))("line %i equals the reference, character for character", (i, line) => {
    const mine = generated[i].text;
    if (line.startsWith("人员经费") || line.startsWith("公用经费")) {
      // The reference lists the items in no order we can reproduce; we list them by code. Same items, same amount.
      const [head, items] = line.split("主要包括：");
      const [myHead, myItems] = mine.split("主要包括：");
      expect(myHead).toBe(head);
      expect(new Set(myItems.replace(/等[；。]$/, "").split("、"))).toEqual(new Set(items.replace(/等[；。]$/, "").split("、")));
      return;
    }
    expect(mine).toBe(normalize(line));
  });
});

describe("wording of changes", () => {
  it.each([
    // amounts in 分: 1,000,000 分 = 1 万元
    [1_640_600_000, 1_403_000_000, "比上年增长237.60万元，增长16.94%"],
    [1_640_580, 1_403_000, "比上年增长0.24万元，增长17.14%"],
    [1_000_000, 1_200_000, "比上年减少0.20万元，下降16.67%"],
    [1_000_000, 1_000_000, "与上年持平"],
    [1_000_000, 0, "上年无此项预算，本年新增1万元"],
    [1_000_000, undefined, "比上年增减情况待填写"],
  ])("%d against %s: %s", (current, prior, expected) => {
    expect(changeClause(current, prior)).toBe(expected);
  });
});
