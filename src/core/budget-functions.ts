/**
 * The shared implementation of the workbook functions BUDGETROLLUP (科目汇总)
 * and SHAREPCT (占比): pure, exact, and with Chinese messages naming the place
 * of bad input. The custom functions, the task pane and the command line call these.
 */
import { describeBadAmount, readAmount, type CellValue } from "./amount";
import { readCode } from "./codes";
import { MAX_ABS_AMOUNT, MICRO_SCALE, fromScaled, toScaled } from "./fixed";
import { fail, succeed, type Outcome } from "./result";
import { rollupByCode, type CodedAmount } from "./rollup";
import { largestRemainderShares } from "./shares";
import { safeText, toHalfWidth, trimAll } from "./text";

export type Matrix = readonly (readonly CellValue[])[];

/** Labels of total rows that may sit inside a code column; they are skipped, not errors. */
const TOTAL_LABELS = new Set(["合计", "总计", "小计", "部门合计", "本年收入合计", "本年支出合计"]);

function flatten(matrix: Matrix): CellValue[] {
  const out: CellValue[] = [];
  for (const row of matrix) for (let c = 0; c < row.length; c++) out.push(row[c]);
  return out;
}

function sameShape(a: Matrix, b: Matrix): boolean {
  return a.length === b.length && a.every((row, i) => row.length === b[i].length);
}

function shapeText(m: Matrix): string {
  return `${m.length}行×${m[0]?.length ?? 0}列`;
}

const ZERO: Outcome<number> = succeed(0);

/** Reads an amount to micro units (6 decimals) or explains why not. `place` names the cell (built only on failure). */
function readMicro(value: CellValue, place: () => string): Outcome<number> {
  if (typeof value === "number" && Math.abs(value) <= MAX_ABS_AMOUNT) return { ok: true, value: toScaled(value, MICRO_SCALE) };
  const reading = readAmount(value);
  if (reading.kind === "blank") return ZERO;
  if (reading.kind === "number") {
    if (Math.abs(reading.value) > MAX_ABS_AMOUNT) return fail("num", `${place()}的金额 ${reading.value} 超出可精确计算的范围（绝对值不超过10亿）。`);
    return succeed(toScaled(reading.value, MICRO_SCALE));
  }
  return fail("value", `${place()}${describeBadAmount(reading)}。`);
}

export type RollupColumn = (number | string)[][];

/**
 * BUDGETROLLUP. With `code`: that subject's total (sum of the deepest rows under it).
 * Without: one value per row, aligned with `codes` ("" for blank and 合计 rows).
 */
export function budgetRollup(codes: Matrix, amounts: Matrix, code?: CellValue): Outcome<number | RollupColumn> {
  if (!sameShape(codes, amounts)) {
    return fail("value", `科目编码区域（${shapeText(codes)}）与金额区域（${shapeText(amounts)}）大小不一致。`);
  }
  const codeCells = flatten(codes);
  const amountCells = flatten(amounts);
  const rows: CodedAmount[] = [];
  const rowCodes: (string | null)[] = [];
  for (let i = 0; i < codeCells.length; i++) {
    const reading = readCode(codeCells[i]);
    if (reading.kind === "blank" || (reading.kind === "invalid" && TOTAL_LABELS.has(trimAll(toHalfWidth(safeText(codeCells[i])))))) {
      rowCodes.push(null);
      continue;
    }
    if (reading.kind === "invalid") return fail("value", `第${i + 1}行的科目编码“${reading.text}”${reading.reason}。`);
    const code = reading.code;
    const amount = readMicro(amountCells[i], () => `第${i + 1}行（科目${code}）`);
    if (!amount.ok) return amount;
    rows.push({ code, amount: amount.value });
    rowCodes.push(code);
  }
  const rollup = rollupByCode(rows);

  if (code !== undefined && code !== null && code !== "") {
    const wanted = readCode(code);
    if (wanted.kind !== "code") {
      return fail("value", `要汇总的科目编码“${safeText(code)}”无效：应为3位（类）、5位（款）或7位（项）数字。`);
    }
    return succeed(fromScaled(rollup.total(wanted.code), MICRO_SCALE));
  }
  const column: RollupColumn = new Array(rowCodes.length);
  for (let i = 0; i < rowCodes.length; i++) {
    const c = rowCodes[i];
    column[i] = [c === null ? "" : fromScaled(rollup.total(c), MICRO_SCALE)];
  }
  return succeed(column);
}

const MAX_DECIMALS = 6;

/**
 * SHAREPCT. Shares in percent (94.94 means 94.94%). One part with a total: its
 * share rounded half up. Several parts: shares by largest remainder, adding up to
 * exactly 100 when the total is the sum of the parts (the default).
 */
export function sharePct(parts: Matrix, total?: CellValue, decimals?: CellValue): Outcome<number[][]> {
  let places = 2;
  if (decimals !== undefined && decimals !== null && decimals !== "") {
    const d = readAmount(decimals);
    if (d.kind !== "number" || !Number.isInteger(d.value) || d.value < 0 || d.value > MAX_DECIMALS) {
      return fail("num", `小数位数“${safeText(decimals)}”无效：应为0到${MAX_DECIMALS}的整数。`);
    }
    places = d.value;
  }
  const cells = flatten(parts);
  if (cells.length === 0) return fail("value", "没有给出要计算占比的金额。");
  const micros: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    const amount = readMicro(cells[i], () => (cells.length === 1 ? "分项" : `第${i + 1}个分项`));
    if (!amount.ok) return amount;
    if (amount.value < 0) return fail("num", `${cells.length === 1 ? "分项" : `第${i + 1}个分项`}为负数，不能计算占比。`);
    micros.push(amount.value);
  }
  let totalMicro = micros.reduce((sum, m) => sum + m, 0);
  if (total !== undefined && total !== null && total !== "") {
    const t = readMicro(total, () => "总额");
    if (!t.ok) return t;
    totalMicro = t.value;
  }
  if (totalMicro === 0) return fail("div0", "总额为0，无法计算占比。");
  if (totalMicro < 0) return fail("num", "总额为负数，无法计算占比。");
  const shares = largestRemainderShares({ parts: micros, total: totalMicro, decimals: places });
  // Spill in the shape of the parts.
  let k = 0;
  return succeed(parts.map((row) => row.map(() => shares[k++])));
}
