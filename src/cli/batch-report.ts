/**
 * The batch report a bureau's reviewer works from (validate DIR --report 审核结果.xlsx): a 汇总 sheet, one row
 * per file with its verdict, each linked to its first finding; and a 明细 sheet, one row per finding. Both have
 * an autofilter, a frozen header, set widths and 宋体. Written with ExcelJS's streaming writer, so that a
 * batch of thousands of files stays within memory.
 */
import ExcelJS from "exceljs";
import { SEVERITY_NAMES } from "../core/validation/types";
import type { RosterCheck } from "../core/roster";
import { verdictOf, type FileResult } from "./report-text";

const FONT = { name: "宋体", size: 11 };
const HEADER_FONT = { ...FONT, bold: true };
/**
 * One style object shared by every body cell: ExcelJS knows a style it has seen by the object, so 50,000 rows
 * cost one style lookup instead of rendering each cell's style to compare it (a third of the report's time).
 */
const BODY_STYLE: Partial<ExcelJS.Style> = { font: FONT };
const inBodyFont = (row: ExcelJS.Row): void => row.eachCell({ includeEmpty: true }, (cell) => void (cell.style = BODY_STYLE));

const SUMMARY_COLUMNS = [
  { header: "文件", width: 40 },
  { header: "单位", width: 34 },
  { header: "模板包", width: 30 },
  { header: "年度", width: 8 },
  { header: "识别的表", width: 10 },
  { header: "错误", width: 8 },
  { header: "警告", width: 8 },
  { header: "提示", width: 8 },
  { header: "结论", width: 10 },
  { header: "原因", width: 50 },
];

const DETAIL_COLUMNS = [
  { header: "文件", width: 40 },
  { header: "单位", width: 34 },
  { header: "工作表或页", width: 22 },
  { header: "单元格", width: 10 },
  { header: "规则", width: 26 },
  { header: "级别", width: 8 },
  { header: "说明", width: 80 },
  { header: "应为", width: 16 },
  { header: "实为", width: 16 },
];

export async function writeBatchReport(results: readonly FileResult[], path: string, failOn: "error" | "warning" = "error", roster?: RosterCheck): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const summary = book.addWorksheet("汇总", { views: [{ state: "frozen", ySplit: 1 }] });
  const detail = book.addWorksheet("明细", { views: [{ state: "frozen", ySplit: 1 }] });
  summary.columns = SUMMARY_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  detail.columns = DETAIL_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  for (const sheet of [summary, detail]) sheet.getRow(1).font = HEADER_FONT;
  summary.autoFilter = { from: { row: 1, column: 1 }, to: { row: results.length + 1, column: SUMMARY_COLUMNS.length } };

  // 明细 is written after 汇总 in the file, but the first finding of each file must be known for the links: count first.
  let detailRow = 2;
  const firstDetailRow = results.map((r) => {
    const first = r.report && r.report.findings.length > 0 ? detailRow : undefined;
    detailRow += r.report?.findings.length ?? 0;
    return first;
  });
  detail.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(detailRow - 1, 1), column: DETAIL_COLUMNS.length } };

  results.forEach((r, i) => {
    const counts = r.report?.counts;
    const row = summary.addRow([r.file, r.unitName, r.packName ?? "", r.year ?? "", r.unreadable ? "" : (r.recognized?.length ?? ""), counts?.error ?? "", counts?.warning ?? "", counts?.info ?? "", verdictOf(r, failOn), r.unreadable ?? ""]);
    inBodyFont(row);
    const first = firstDetailRow[i];
    if (first !== undefined) row.getCell(1).value = { text: r.file, hyperlink: `#'明细'!A${first}` };
    row.commit();
  });
  await summary.commit();

  for (const r of results)
    for (const f of r.report?.findings ?? []) {
      const where = f.page !== undefined ? `第${f.page}页` : (f.sheet ?? "");
      const row = detail.addRow([r.file, r.unitName, where, f.cell ?? "", f.ruleId, SEVERITY_NAMES[f.severity], f.message, f.expected ?? "", f.actual ?? ""]);
      inBodyFont(row);
      row.commit();
    }
  await detail.commit();
  if (roster) {
    // 名单核对: the roster's units with no file, and the files whose unit is on no roster.
    const check = book.addWorksheet("名单核对", { views: [{ state: "frozen", ySplit: 1 }] });
    check.columns = [{ header: "单位", width: 40 }, { header: "情况", width: 16 }, { header: "文件", width: 40 }];
    check.getRow(1).font = HEADER_FONT;
    check.autoFilter = { from: { row: 1, column: 1 }, to: { row: roster.missing.length + roster.unlisted.length + 1, column: 3 } };
    for (const unit of roster.missing) check.addRow([unit, "名单上、没有文件", ""]).commit();
    for (const f of roster.unlisted) check.addRow([f.unitName, "不在名单上", f.file]).commit();
    await check.commit();
  }
  await book.commit();
}
