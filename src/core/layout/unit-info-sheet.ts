/**
 * 单位信息 kept inside a generated workbook: a very hidden sheet named by YS_INFO,
 * so that the command line knows the 单位类型 and 主管部门 the tables do not print.
 * (The add-in keeps the same facts in the workbook's document settings.)
 */
import { UNIT_TYPES, type UnitInfo, type UnitType } from "../model";
import type { TemplatePack } from "../packs/types";
import type { CellValue } from "../amount";
import { amountFormat } from "./render";
import type { SheetLayout } from "./types";

export const UNIT_INFO_NAME = "YS_INFO";
export const UNIT_INFO_SHEET = "YS_单位信息";
const FIELDS = ["单位名称", "年度", "单位类型", "主管部门"] as const;

export function renderUnitInfoSheet(pack: TemplatePack, unit: UnitInfo): SheetLayout {
  const values = unitInfoValues(unit).map((row) => row[1]);
  return {
    packId: pack.id,
    packVersion: pack.version,
    tableId: "INFO",
    sheetName: UNIT_INFO_SHEET,
    amountUnit: pack.amountUnit,
    decimals: pack.decimals,
    amountFormat: amountFormat(pack.decimals),
    columns: [
      { width: 12, hidden: false },
      { width: 40, hidden: false },
    ],
    cells: FIELDS.flatMap((label, row) => [
      { row, col: 0, value: label, style: "label" as const },
      { row, col: 1, value: values[row], style: "text" as const },
    ]),
    merges: [],
    rowCount: FIELDS.length,
    headerArea: { firstRow: 0, lastRow: 0, firstCol: 0, lastCol: 1 },
    bodyArea: { firstRow: 0, lastRow: FIELDS.length - 1, firstCol: 0, lastCol: 1 },
    noteCell: null,
    rows: [],
    names: [{ name: UNIT_INFO_NAME, area: { firstRow: 0, lastRow: FIELDS.length - 1, firstCol: 0, lastCol: 1 } }],
    print: { orientation: "portrait", paperSize: "A4", fitToWidth: 1, horizontallyCentered: true },
    text: true,
    hidden: true,
  };
}

/** The sheet's values (A1:B4), for updating a YS_INFO sheet already there: only its four values change. */
export function unitInfoValues(unit: UnitInfo): (string | number)[][] {
  const values = [unit.name, unit.year, unit.type, unit.department];
  return FIELDS.map((label, row) => [label, values[row]]);
}

/** Reads the info back: only well-formed values, so a damaged sheet is ignored rather than trusted. */
export function readUnitInfoCells(value: (row: number, col: number) => CellValue): Partial<UnitInfo> {
  const info: Partial<UnitInfo> = {};
  const name = value(0, 1);
  const year = value(1, 1);
  const type = value(2, 1);
  const department = value(3, 1);
  if (typeof name === "string" && name.trim()) info.name = name.trim();
  if (typeof year === "number" && Number.isInteger(year)) info.year = year;
  if (typeof type === "string" && UNIT_TYPES.includes(type as UnitType)) info.type = type as UnitType;
  if (typeof department === "string") info.department = department;
  return info;
}
