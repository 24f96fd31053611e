/** Formula text in Excel's syntax (English function names, comma separators), without the leading "=". */
import { areaAddress } from "./a1";
import type { Formula } from "./types";

/** Whether a cell's formula text (as a host reads it) is a formula rather than a value. */
export const isFormulaText = (value: unknown): value is string => typeof value === "string" && value.startsWith("=");

export function formulaText(formula: Formula): string {
  switch (formula.op) {
    case "sum":
      return `SUM(${formula.areas.map((a) => areaAddress(a)).join(",")})`;
    case "sumIfs":
      return `SUMIFS(${areaAddress(formula.sum, true)},${areaAddress(formula.criteria, true)},"${formula.pattern}")`;
    case "concat":
      return formula.areas.map((a) => areaAddress(a)).join("&");
    case "emptyNote": {
      const counts = formula.areas.map((a) => {
        const ref = areaAddress(a, true);
        return `SUMPRODUCT(ISNUMBER(${ref})*(${ref}<>0))`;
      });
      return `IF(${counts.join("+")}=0,"${formula.text}","")`;
    }
  }
}
