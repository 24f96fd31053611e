/** Turns a rounding-aware sum check into a finding (error, or info for a rounding difference). */
import { checkSum, intervalText, shown, type SumCheck } from "./intervals";
import type { TableMoney } from "./locate";
import type { Finding } from "./types";

type Texts = Pick<Finding, "message" | "expected" | "actual">;

/**
 * A finding whose message, expected and actual texts are built when first read, then kept: they are
 * ordinary enumerable properties to every reader (JSON, spread, structured clone, tests).
 */
export function lazyTexts(base: Omit<Finding, "message" | "expected" | "actual">, build: () => Texts): Finding {
  const finding = base as Finding & { [BUILD]?: () => Texts; [TEXTS]?: Texts };
  // Hidden slots and one shared set of getters: thousands of rounding informations allocate no closures per text.
  Object.defineProperty(finding, BUILD, { value: build, writable: true });
  Object.defineProperties(finding, TEXT_GETTERS);
  return finding;
}

const BUILD = Symbol("build texts");
const TEXTS = Symbol("texts");
type Lazy = { [BUILD]?: () => Texts; [TEXTS]?: Texts };
const textGetter = (key: keyof Texts): PropertyDescriptor => ({
  get(this: Lazy) {
    if (!this[TEXTS]) Object.defineProperty(this, TEXTS, { value: this[BUILD]!() });
    return this[TEXTS]![key];
  },
  enumerable: true,
  configurable: true,
});
const TEXT_GETTERS: PropertyDescriptorMap = { message: textGetter("message"), expected: textGetter("expected"), actual: textGetter("actual") };

export function sumFinding(
  ruleId: string,
  money: TableMoney,
  total: number,
  parts: readonly number[],
  describe: () => { subject: string; totalName: string; partsName: string },
  locate: () => Pick<Finding, "sheet" | "cell" | "tableId">,
): Finding | null {
  const result: SumCheck = checkSum(total, parts, money.step);
  if (result.status === "ok") return null;
  // Places are built for every finding; the texts only when first read (a report of thousands of
  // rounding informations is mostly shown collapsed).
  const place = locate();
  const f = (v: number) => shown(v, money.fenPerUnit, money.decimals);
  const iv = (i: SumCheck["totalInterval"]) => intervalText(i, money.fenPerUnit, money.decimals);
  if (result.status === "rounding")
    return lazyTexts({ ruleId, severity: "info", ...place }, () => {
      const what = describe();
      return {
        message: `四舍五入差异：${what.subject}${what.totalName} ${f(result.shownTotal)} ∈ ${iv(result.totalInterval)}；${what.partsName} ${f(result.shownSum)} ∈ ${iv(result.sumInterval)}，区间重叠，属于逐项四舍五入造成的差异。`,
        expected: f(result.shownSum),
        actual: f(result.shownTotal),
      };
    });
  return lazyTexts({ ruleId, severity: "error", ...place }, () => {
    const what = describe();
    return {
      message: `${what.subject}${what.totalName} ${f(result.total)} 不等于${what.partsName} ${f(result.sum)}（相差 ${f(result.total - result.sum)}，超出四舍五入范围）。`,
      expected: f(result.sum),
      actual: f(result.total),
    };
  });
}
