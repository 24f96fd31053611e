/**
 * 项目支出绩效目标表 (P1): one form per project, as the Shanxi disclosures attach
 * it. Rendered as a worksheet layout like the tables; funds in 元.
 */
import { FEN_PER_UNIT } from "../fixed";
import { definedNamePrefix, packMarkerName } from "../layout/names";
import type { CellStyle, LayoutCell, SheetLayout } from "../layout/types";
import type { Area } from "../layout/a1";
import type { UnitInfo } from "../model";
import type { TemplatePack } from "../packs/types";
import { FUND_SOURCES, type PerformanceTarget } from "./performance-target";

export const PERFORMANCE_FORM_ID = "P1";

export { FUND_SOURCES, type FundSource, type Indicator, type PerformanceTarget } from "./performance-target";

const WIDTH = 8;

/** Reads a form's figures back: YS_P1_<n>_PROJECT and YS_P1_<n>_FUNDS. */
export const PERFORMANCE_NAME = /^YS_P1_(\d+)_(PROJECT|FUNDS)$/;

export function renderPerformanceForm(pack: TemplatePack, unit: UnitInfo, target: PerformanceTarget | null, sheetName: string, index = 1): SheetLayout {
  const cells: LayoutCell[] = [];
  const merges: Area[] = [];
  let row = 0;
  const put = (col: number, value: string | number | undefined, style: CellStyle, span = 1) => {
    cells.push({ row, col, ...(value === undefined || value === "" ? {} : { value }), style });
    for (let c = col + 1; c < col + span; c++) cells.push({ row, col: c, style });
    if (span > 1) merges.push({ firstRow: row, lastRow: row, firstCol: col, lastCol: col + span - 1 });
  };
  const yuan = (fen: number | undefined) => (fen === undefined ? undefined : fen / FEN_PER_UNIT["元"]);
  const t = target;

  put(0, "项目支出绩效目标表", "title", WIDTH);
  row++;
  put(0, `(${unit.year}年度)`, "unitLine", WIDTH);
  row++;
  const headerFirst = row;
  put(0, "项目名称", "header", 2);
  put(2, t?.project, "text", 6);
  row++;
  put(0, "主管部门及代码", "header", 2);
  put(2, t?.department ?? unit.department, "text", 2);
  put(4, "实施单位", "header");
  put(5, unit.name, "text", 3);
  row++;
  put(0, "项目属性", "header", 2);
  put(2, t?.attribute, "text", 2);
  put(4, "项目期", "header");
  put(5, t?.period, "text", 3);
  row++;
  const fundsFirst = row;
  put(0, "项目资金（元）", "header");
  put(1, "实施期资金总额:", "label");
  put(2, yuan(t?.funds.period.total), "amount", 2);
  put(4, "年度资金总额:", "label");
  put(5, yuan(t?.funds.year.total), "amount", 3);
  row++;
  for (const [key, label] of FUND_SOURCES) {
    put(0, "", "header");
    put(1, label, "label");
    put(2, yuan(t?.funds.period[key]), "amount", 2);
    put(4, label, "label");
    put(5, yuan(t?.funds.year[key]), "amount", 3);
    row++;
  }
  merges.push({ firstRow: fundsFirst, lastRow: row - 1, firstCol: 0, lastCol: 0 });
  for (const [label, text] of [
    ["项目概况", t?.overview],
    ["立项依据", t?.basis],
    ["项目设立必要性", t?.necessity],
    ["保证项目实施的制度、措施", t?.measures],
    ["项目实施计划", t?.plan],
  ] as const) {
    put(0, label, "header", 2);
    put(2, text, "paragraph", 6);
    row++;
  }
  const goalsFirst = row;
  put(0, "总体目标", "header");
  put(1, "", "header");
  put(2, "实施期目标", "header", 3);
  put(5, "年度目标", "header", 3);
  row++;
  put(0, "", "header");
  put(1, "", "header");
  put(2, t?.goals.period, "paragraph", 3);
  put(5, t?.goals.year, "paragraph", 3);
  merges.push({ firstRow: goalsFirst, lastRow: row, firstCol: 0, lastCol: 1 });
  row++;
  const indicatorsFirst = row;
  put(0, "绩效指标", "header");
  for (const [c, text] of ["一级指标", "二级指标", "三级指标", "实施期指标值", "二级指标", "三级指标", "年度指标值"].entries()) put(c + 1, text, "header");
  row++;
  const indicators = t?.indicators ?? Array.from({ length: 6 }, () => ({ level1: "", level2: "", level3: "", periodValue: "", yearValue: "" }));
  for (const ind of indicators) {
    put(0, "", "header");
    [ind.level1, ind.level2, ind.level3, ind.periodValue, ind.level2, ind.level3, ind.yearValue].forEach((text, c) => put(c + 1, text, "text"));
    row++;
  }
  merges.push({ firstRow: indicatorsFirst, lastRow: row - 1, firstCol: 0, lastCol: 0 });
  for (const [c, text] of ["负责人:", "", "经办人:", "", "联系电话:", "", "填报日期:", ""].entries()) put(c, text, "label");
  const last = row;
  const prefix = definedNamePrefix(PERFORMANCE_FORM_ID);
  return {
    packId: pack.id,
    packVersion: pack.version,
    tableId: PERFORMANCE_FORM_ID,
    sheetName,
    amountUnit: "元",
    decimals: 0,
    amountFormat: "#,##0;-#,##0;0",
    columns: [14, 16, 14, 14, 16, 14, 14, 14].map((width) => ({ width, hidden: false })),
    cells,
    merges,
    rowCount: last + 1,
    headerArea: { firstRow: headerFirst, lastRow: headerFirst, firstCol: 0, lastCol: WIDTH - 1 },
    bodyArea: { firstRow: headerFirst, lastRow: last - 1, firstCol: 0, lastCol: WIDTH - 1 },
    noteCell: null,
    rows: [],
    // Several forms in one workbook: names carry the form's number (YS_P1_1_PROJECT, YS_P1_1_FUNDS).
    names: [
      { name: `${prefix}${index}_PROJECT`, area: { firstRow: headerFirst, lastRow: headerFirst, firstCol: 2, lastCol: 2 } },
      { name: `${prefix}${index}_FUNDS`, area: { firstRow: fundsFirst, lastRow: fundsFirst, firstCol: 5, lastCol: 5 } },
      ...(index === 1 ? [{ name: packMarkerName(pack, PERFORMANCE_FORM_ID), area: { firstRow: 0, lastRow: 0, firstCol: 0, lastCol: 0 } }] : []),
    ],
    print: { orientation: "portrait", paperSize: "A4", fitToWidth: 1, horizontallyCentered: true },
    rowHeights: cells.filter((c) => c.style === "paragraph" && typeof c.value === "string").map((c) => ({ row: c.row, height: Math.max(1, Math.ceil((c.value as string).length / 20)) * 15 + 4 })),
  };
}
