/**
 * The 情况说明 worksheet: one paragraph per row in one wide column, wrapped,
 * portrait A4, followed by the pack's 名词解释. Row heights are set from the text's
 * length, since Excel does not grow rows for wrapped text it did not lay out itself.
 */
import { definedNamePrefix, packMarkerName } from "../layout/names";
import { amountFormat } from "../layout/render";
import type { CellStyle, LayoutCell, SheetLayout } from "../layout/types";
import type { UnitInfo } from "../model";
import type { TemplatePack } from "../packs/types";
import type { Paragraph } from "./generate";

export const NARRATIVE_ID = "N1";
export const NARRATIVE_SHEET_NAME = "情况说明";
/** The defined name over the 情况说明 text. */
export const NARRATIVE_BODY_NAME = `${definedNamePrefix(NARRATIVE_ID)}BODY`;

/** The names the 情况说明 sheet defines: YS_N1_BODY and its pack marker. */
export function isNarrativeName(name: string): boolean {
  return name.startsWith(definedNamePrefix(NARRATIVE_ID)) || name.endsWith(`_${NARRATIVE_ID}`);
}
/** Column width in Excel character units; a Chinese character takes about two. */
const COLUMN_WIDTH = 78;
const CHARS_PER_LINE = 36;
const LINE_HEIGHT = 16;

const STYLE_OF: Record<Paragraph["kind"], CellStyle> = { title: "title", heading: "heading", subheading: "heading", paragraph: "paragraph" };

export function narrativeParagraphs(pack: TemplatePack, unit: UnitInfo, paragraphs: readonly Paragraph[]): Paragraph[] {
  const glossary = pack.glossary ?? [];
  return [...paragraphs, ...(glossary.length > 0 ? [{ kind: "title" as const, text: pack.glossaryHeading ?? "名词解释" }, ...glossary.map((text) => ({ kind: "paragraph" as const, text }))] : [])].map((p) => ({
    ...p,
    text: p.text.replace(/\{year\}/g, String(unit.year)),
  }));
}

/** Whether a narrative layout is the first (or only) sheet of the narrative, the one that carries its defined name. */
export const carriesNarrativeBody = (layout: SheetLayout): boolean => layout.names.some((n) => n.name === NARRATIVE_BODY_NAME);

/**
 * The narrative as the set's template prints it: on one sheet, or split over the sheets the pack names
 * (Shanghai: 单位编制说明, 其他相关情况说明, 名词解释), each part from the first heading that begins with its
 * `heading`. The first sheet carries the narrative's defined names; the others are found by their headings.
 */
export function renderNarrativeSheets(pack: TemplatePack, unit: UnitInfo, paragraphs: readonly Paragraph[], firstSheetName = pack.narrativeSheetName ?? NARRATIVE_SHEET_NAME): SheetLayout[] {
  const all = narrativeParagraphs(pack, unit, paragraphs);
  const starts = (pack.narrativeParts ?? [])
    .map((part) => ({ part, at: all.findIndex((p) => p.kind !== "paragraph" && p.text.trim().startsWith(part.heading)) }))
    .filter((s) => s.at > 0)
    .sort((a, b) => a.at - b.at);
  const bounds = [0, ...starts.map((s) => s.at), all.length];
  const sheetNames = [firstSheetName, ...starts.map((s) => s.part.sheetName)];
  return sheetNames.map((sheetName, i) => {
    const layout = renderParagraphs(pack, all.slice(bounds[i], bounds[i + 1]), sheetName);
    return i === 0 ? layout : { ...layout, names: [] };
  });
}

export function renderNarrativeSheet(pack: TemplatePack, unit: UnitInfo, paragraphs: readonly Paragraph[], sheetName = NARRATIVE_SHEET_NAME): SheetLayout {
  return renderParagraphs(pack, narrativeParagraphs(pack, unit, paragraphs), sheetName);
}

/** One sheet of narrative paragraphs (glossary and {year} already in). */
function renderParagraphs(pack: TemplatePack, all: readonly Paragraph[], sheetName: string): SheetLayout {
  const cells: LayoutCell[] = all.map((p, row) => ({ row, col: 0, value: p.kind === "paragraph" ? `　　${p.text}` : p.text, style: STYLE_OF[p.kind] }));
  const rowHeights = all.map((p, row) => ({ row, height: p.kind === "title" ? 30 : Math.max(1, Math.ceil(([...p.text].length + 2) / CHARS_PER_LINE)) * LINE_HEIGHT + 4 }));
  const last = Math.max(0, all.length - 1);
  const prefix = definedNamePrefix(NARRATIVE_ID);
  return {
    packId: pack.id,
    packVersion: pack.version,
    tableId: NARRATIVE_ID,
    sheetName,
    amountUnit: pack.amountUnit,
    decimals: pack.decimals,
    amountFormat: amountFormat(pack.decimals),
    columns: [{ width: COLUMN_WIDTH, hidden: false }],
    cells,
    merges: [],
    rowCount: all.length,
    headerArea: { firstRow: 0, lastRow: 0, firstCol: 0, lastCol: 0 },
    bodyArea: { firstRow: 0, lastRow: last, firstCol: 0, lastCol: 0 },
    noteCell: null,
    rows: all.map((p, row) => ({ row, side: "text", key: p.kind, role: "fixed" as const })),
    names: [
      { name: `${prefix}BODY`, area: { firstRow: 0, lastRow: last, firstCol: 0, lastCol: 0 } },
      { name: packMarkerName(pack, NARRATIVE_ID), area: { firstRow: 0, lastRow: 0, firstCol: 0, lastCol: 0 } },
    ],
    print: { orientation: "portrait", paperSize: "A4", fitToWidth: 1, horizontallyCentered: true },
    text: true,
    rowHeights,
  };
}
