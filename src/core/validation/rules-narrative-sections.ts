/**
 * What the narrative must contain, as the pack declares it: its parts (情况说明的各部分, 名词解释), each
 * with something under its heading, and the items a part must state (三公: each item with its amount).
 */
import { HEADING_NUMBER, NARRATIVE_HEADING, type NarrativeLine } from "../narrative/find-text";
import { wanFixed } from "../narrative/format";
import type { FigureRef, NarrativeSectionSpec } from "../packs/types";
import type { Finding, Rule, RuleContext } from "./types";
import { narrativeFinding as at, narrativeLines as linesOf } from "./narrative-finding";

/** A heading is a short line; a longer one counts only by its opening, and only when numbered. */
const HEADING_LENGTH = 40;
/** A 目录 entry: leader dots or a trailing page number. */
const CONTENTS_ENTRY = /(\.{3,}|…{2,}|·{3,})\s*\d*$/;

/** A glossary entry (（七）“三公”经费：是…, 四、机关运行经费：指…), not a heading. */
const DEFINITION = /^[^：:]{1,24}[：:]\s*(?:指|是|系|反映|包括|包含)/;

/** The texts of a line that may be a heading, without number, leading year and trailing colon; table titles (…表) and glossary entries are not. */
export function headingTexts(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.split(/\n/)) {
    // Headings are compared without spaces: a justified line spaces out every character, digits included.
    const line = piece.replace(/\s+/g, "");
    if (!line || CONTENTS_ENTRY.test(line)) continue;
    const numbered = HEADING_NUMBER.test(line);
    if (line.length > HEADING_LENGTH && !numbered) continue;
    const bare = bareHeading(line.slice(0, HEADING_LENGTH + 8)).replace(/[:：]$/, "");
    if (bare && !/表$/.test(bare) && !DEFINITION.test(bare)) out.push(bare);
  }
  return out;
}

interface FoundSection {
  spec: NarrativeSectionSpec;
  /** The index of the heading's line, or -1 when the part is missing. */
  start: number;
}

/** The pack's patterns, compiled once. */
const compiledPatterns = new Map<string, RegExp>();
function regex(source: string): RegExp {
  let found = compiledPatterns.get(source);
  if (!found) {
    found = new RegExp(source);
    compiledPatterns.set(source, found);
  }
  return found;
}

/** The parts found, per narrative and pack: three rules ask for them on the same lines. */
const foundCache = new WeakMap<readonly NarrativeLine[], WeakMap<readonly NarrativeSectionSpec[], FoundSection[]>>();

/** Where each part the pack requires of this narrative begins (parts whose `when` the text does not meet left out). */
function findSections(specs: readonly NarrativeSectionSpec[], lines: readonly NarrativeLine[]): FoundSection[] {
  const byPack = foundCache.get(lines) ?? new WeakMap<readonly NarrativeSectionSpec[], FoundSection[]>();
  foundCache.set(lines, byPack);
  const cached = byPack.get(specs);
  if (cached) return cached;
  const whole = lines.map((l) => l.text).join("\n");
  const headings = lines.map((l) => headingTexts(l.text));
  const found = specs
    .filter((spec) => !spec.when || regex(spec.when).test(whole))
    .map((spec) => {
      const pattern = regex(spec.heading);
      const start = lines.findIndex((line, i) => (spec.anywhere ? pattern.test(line.text) : headings[i].some((h) => pattern.test(h))));
      return { spec, start };
    });
  byPack.set(specs, found);
  return found;
}

/** Where a part found ends: at the next part's heading, or at the end of the text. */
const sectionEnd = (found: FoundSection, all: readonly FoundSection[], lineCount: number): number =>
  Math.min(...all.filter((s) => s.start > found.start && !s.spec.anywhere).map((s) => s.start), lineCount);

/** The lines of each part found whose spec `wants`, as [first, end) after its heading. */
export function sectionLines(specs: readonly NarrativeSectionSpec[], lines: readonly NarrativeLine[], wants: (spec: NarrativeSectionSpec) => boolean): { spec: NarrativeSectionSpec; first: number; end: number }[] {
  if (!specs.some(wants)) return [];
  const all = findSections(specs, lines);
  return all
    .filter((s) => s.start >= 0 && !s.spec.anywhere && wants(s.spec))
    .map((s) => ({ spec: s.spec, first: s.start, end: sectionEnd(s, all, lines.length) }));
}

/** A heading line without its spaces, number and leading year. */
const bareHeading = (text: string): string => text.replace(/\s+/g, "").replace(HEADING_NUMBER, "").replace(/^\d{4}年度?/, "");

/** The text under a part's heading: what follows the heading on its line (a heading with text after it), and the lines up to the next part's heading. */
function sectionBody(found: FoundSection, all: readonly FoundSection[], lines: readonly NarrativeLine[]): string {
  const next = sectionEnd(found, all, lines.length);
  const heading = bareHeading(lines[found.start].text);
  const match = regex(found.spec.heading).exec(heading);
  // A short line without a full stop or colon is all heading (九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明).
  const allHeading = heading.length <= HEADING_LENGTH && !/[。：:]/.test(heading.replace(/[:：]$/, ""));
  const rest = allHeading || !match ? "" : heading.slice(match.index + match[0].length);
  return [rest, ...lines.slice(found.start + 1, next).map((l) => l.text)].join("\n");
}

/** A part's name in a message, quoted unless it carries quotes of its own (“三公”经费…). */
const quoted = (name: string): string => (name.includes("“") ? name : `“${name}”`);

/** Nothing under the heading, or only 无. */
const EMPTY_BODY = /^[\s:：。.，,]*(?:无[。.]?)?[\s。.]*$/;

export const narrativeSectionsRule: Rule = {
  id: "narrative-sections",
  severity: "warning",
  title: "说明的必备部分",
  description: "模板包列出的说明各部分（情况说明的各项、名词解释，部门预算的项目经费情况说明、所含单位等）都要有，并且标题下要有内容；只写“无”的，只在模板包允许的部分可以。没有任何说明标题的文字（只有表格的 PDF）不检查。",
  check(context) {
    const specs = context.pack.narrativeSections ?? [];
    const lines = linesOf(context);
    if (specs.length === 0 || lines.length === 0) return [];
    // Text that never names a narrative part (the titles and notes of a PDF of tables alone) is not a narrative.
    if (!lines.some((l) => NARRATIVE_HEADING.test(l.text))) return [];
    const found = findSections(specs, lines);
    // A text with none of the parts is not the narrative the pack describes (a cover page, a single paragraph typed elsewhere): one finding, not one per part.
    if (found.every((s) => s.start < 0))
      return [at(context, lines[0], "narrative-sections", "warning", `说明中没有找到模板包要求的任何部分（${found.map((s) => quoted(s.spec.name)).join("、")}），请检查说明是否完整，或是否按本地区的格式编写。`)];
    const findings: Finding[] = [];
    for (const section of found) {
      if (section.start < 0) {
        const before = found.filter((s) => s.start >= 0 && found.indexOf(s) < found.indexOf(section)).pop();
        findings.push(at(context, before ? lines[before.start] : lines[0], "narrative-sections", "warning", `说明中没有${quoted(section.spec.name)}部分${before ? `（应在${quoted(before.spec.name)}之后）` : ""}。`));
        continue;
      }
      if (section.spec.anywhere || section.spec.mayBeEmpty) continue;
      const text = sectionBody(section, found, lines);
      if (EMPTY_BODY.test(text)) findings.push(at(context, lines[section.start], "narrative-sections", "warning", `${quoted(section.spec.name)}标题下${/无/.test(text) ? "只写了“无”" : "没有内容"}：没有相关情况的，也要写明（例如“本单位无……”）。`));
    }
    return findings;
  },
};

function figureOf(context: RuleContext, ref: FigureRef | undefined): number | undefined {
  if (!ref) return undefined;
  const row = context.table(ref.table)?.[ref.side]?.find((r) => r.id === ref.row || r.code === ref.row);
  return context.table(ref.table) ? (row?.amounts[ref.column] ?? 0) : undefined;
}

/** An amount, or a word for none, close after where an item's name begins: the item is stated with its figure. */
const STATED_AMOUNT = /^[^。；]{0,24}?(?:[\d,]+(?:\.\d+)?万?元|为零|为0|无|没有|未安排|不安排)/;

export const narrativeSectionItemsRule: Rule = {
  id: "narrative-section-items",
  severity: "warning",
  title: "说明中逐项列出的内容",
  description: "模板包要求逐项说明的部分（“三公”经费：因公出国（境）费、公务接待费、公务用车购置费、公务用车运行费），每一项都要写明金额，为0的也要写；各项都为0、说明整体写明“无”的除外。",
  check(context) {
    const specs = (context.pack.narrativeSections ?? []).filter((s) => s.items?.length);
    const lines = linesOf(context);
    if (specs.length === 0 || lines.length === 0) return [];
    const all = findSections(context.pack.narrativeSections ?? [], lines);
    const findings: Finding[] = [];
    for (const section of all) {
      const items = section.spec.items ?? [];
      if (section.start < 0 || items.length === 0) continue;
      const text = sectionBody(section, all, lines);
      const figures = items.map((item) => figureOf(context, item.figure));
      if (section.spec.itemsWaivedBy && figures.every((f) => !f) && regex(section.spec.itemsWaivedBy).test(text)) continue;
      items.forEach((item, i) => {
        const figure = figures[i];
        const shown = figure === undefined ? "" : `（表中${wanFixed(figure)}万元）`;
        const match = new RegExp(item.pattern, "g");
        const places = [...text.matchAll(match)];
        if (places.length === 0) findings.push(at(context, lines[section.start], "narrative-section-items", "warning", `${quoted(section.spec.name)}没有写${item.name}${shown}：各项都要写明金额，为0的也要写。`));
        else if (!places.some((m) => STATED_AMOUNT.test(text.slice(m.index))))
          findings.push(at(context, lines[section.start], "narrative-section-items", "warning", `${quoted(section.spec.name)}提到${item.name}，但没有写金额${shown}。`));
      });
    }
    return findings;
  },
};

export const NARRATIVE_SECTION_RULES: readonly Rule[] = [narrativeSectionsRule, narrativeSectionItemsRule];
