/**
 * BUDGETROLLUP and SHAREPCT for WPS 表格, from the same core functions as Excel's. WPS functions are
 * synchronous and described by its own functions.json (types such as any[][], no Office ids); a
 * failure shows as text beginning with the error code, with the reason, since WPS has no
 * CustomFunctions.Error.
 */
import { budgetRollup, sharePct } from "../core/budget-functions";
import type { CellValue } from "../core/amount";
import { FUNCTION_NAMESPACE } from "../core/finalize";
import type { FailureKind, Outcome } from "../core/result";
import { ZH_CN_FUNCTIONS } from "../functions/functions.zh-CN";

const ERROR_TEXT: Record<FailureKind, string> = { value: "#VALUE!", div0: "#DIV/0!", na: "#N/A", num: "#NUM!" };

/** A range arrives as a 2-D array, one cell as a bare value, an omitted argument as undefined. */
const matrix = (value: unknown): CellValue[][] => (Array.isArray(value) ? value.map((row) => (Array.isArray(row) ? row : [row])) : [[value as CellValue]]);

function toCell(outcome: Outcome<number | CellValue[][]>): number | string | CellValue[][] {
  if (!outcome.ok) return `${ERROR_TEXT[outcome.failure]} ${outcome.message}`;
  return outcome.value;
}

export interface WpsFunction {
  name: string;
  description: string;
  parameters: { name: string; type: string; description: string }[];
  result: { type: string };
  implementation: (...args: unknown[]) => unknown;
}

const parameters = (name: string, types: Record<string, string>) => Object.entries(types).map(([param, type]) => ({ name: param, type, description: ZH_CN_FUNCTIONS[name].parameters[param.replace(/\?$/, "")] }));

export const WPS_FUNCTIONS: readonly WpsFunction[] = [
  {
    name: "BUDGETROLLUP",
    description: ZH_CN_FUNCTIONS.BUDGETROLLUP.description,
    parameters: parameters("BUDGETROLLUP", { codes: "any[][]", amounts: "any[][]", code: "any?" }),
    result: { type: "any[][]" },
    implementation: (codes, amounts, code) => toCell(budgetRollup(matrix(codes), matrix(amounts), code as CellValue)),
  },
  {
    name: "SHAREPCT",
    description: ZH_CN_FUNCTIONS.SHAREPCT.description,
    parameters: parameters("SHAREPCT", { parts: "any[][]", total: "any?", decimals: "number?" }),
    result: { type: "any[][]" },
    implementation: (parts, total, decimals) => toCell(sharePct(matrix(parts), total as CellValue, decimals as CellValue)),
  },
];

/** functions.json as WPS reads it (the manifest names the namespace). */
export function functionsJson(): { functions: Omit<WpsFunction, "implementation">[] } {
  return { functions: WPS_FUNCTIONS.map(({ name, description, parameters, result }) => ({ name, description, parameters, result })) };
}

export interface CustomFunctionHost {
  AddCustomFunction?: (namespace: string, name: string, callback: (...args: unknown[]) => unknown, metadata?: unknown) => void;
}

/** Registers the functions where WPS supports them (12.1.0.20540 and later); returns how many. */
export function registerWpsFunctions(host: CustomFunctionHost | null | undefined): number {
  if (!host || typeof host.AddCustomFunction !== "function") return 0;
  for (const f of WPS_FUNCTIONS) host.AddCustomFunction(FUNCTION_NAMESPACE, f.name, f.implementation, { description: f.description, parameters: f.parameters, result: f.result });
  return WPS_FUNCTIONS.length;
}
