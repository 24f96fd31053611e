/**
 * BUDGETROLLUP and SHAREPCT for WPS 表格, from the same core functions as Excel's. WPS functions are
 * synchronous and described by its own functions.json (types such as any[][], no Office ids); a
 * failure shows as text beginning with the error code, with the reason, since WPS has no
 * CustomFunctions.Error.
 */
import { budgetRollup, sharePct } from "../core/budget-functions";
import type { CellValue } from "../core/amount";
import { cellValue } from "./access";
import { FUNCTION_NAMESPACE } from "../core/finalize";
import type { FailureKind, Outcome } from "../core/result";
import { ZH_CN_FUNCTIONS } from "../functions/functions.zh-CN";

const ERROR_TEXT: Record<FailureKind, string> = { value: "#VALUE!", div0: "#DIV/0!", na: "#N/A", num: "#NUM!" };

/** COM's “parameter not found” (DISP_E_PARAMNOTFOUND): how some WPS builds pass an omitted optional argument. */
export const PARAMETER_NOT_FOUND = -2147352572;

/** An optional argument as given: omitted (undefined, or COM's parameter-not-found) is not given. */
const given = (value: unknown): CellValue | undefined => (value === undefined || value === PARAMETER_NOT_FOUND ? undefined : cellValue(value));

/**
 * A range arrives as a 2-D array (or, from some builds, a flat array for one row), one cell as a bare value;
 * each cell goes through the reader's normalisation, so a COM error number is an error, not an amount.
 */
function matrix(value: unknown): CellValue[][] {
  if (!Array.isArray(value)) return [[cellValue(value)]];
  if (!value.some(Array.isArray)) return [value.map(cellValue)];
  return value.map((row) => (Array.isArray(row) ? row.map(cellValue) : [cellValue(row)]));
}

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
    // A single figure or a spilled array: declared as any.
    result: { type: "any" },
    implementation: (codes, amounts, code) => toCell(budgetRollup(matrix(codes), matrix(amounts), given(code))),
  },
  {
    name: "SHAREPCT",
    description: ZH_CN_FUNCTIONS.SHAREPCT.description,
    parameters: parameters("SHAREPCT", { parts: "any[][]", total: "any?", decimals: "number?" }),
    result: { type: "any" },
    implementation: (parts, total, decimals) => toCell(sharePct(matrix(parts), given(total), given(decimals))),
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
