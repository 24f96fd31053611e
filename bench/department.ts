/**
 * The 5,000-row department workbook's measures, run by bench/run.ts in a process of its own (as the
 * command line validates one file): reading the rows into the model, the rule engine, 尾差调整.
 * Prints one JSON object.
 */
import { planInsertion } from "../src/core/layout/workbook";
import type { RowData } from "../src/core/model";
import { SHANXI_UNIT_13 } from "../src/core/packs/shanxi-unit-13";
import { layoutCellValues, readLayoutValues } from "../src/core/layout/read-back";
import { validate, validationInputOf } from "../src/core/validation/engine";
import { adjustRounding } from "../src/core/rounding/adjust";
import { randomDisclosure } from "../test/support/random-disclosure";
import { time } from "./timing";

const department = randomDisclosure(2, 1_700);
const rowCount = Object.values(department.tables).reduce((n, t) => n + Object.values(t).reduce((m, rows: RowData[]) => m + rows.length, 0), 0);
const layouts = planInsertion(SHANXI_UNIT_13, department.unit, SHANXI_UNIT_13.tables.map((t) => t.id), [], department.tables).layouts;
const values = new Map(layouts.map((l) => [l.sheetName, layoutCellValues(l)]));
const read = () => readLayoutValues(layouts, values, department.unit);
const readMs = time(read, 15, 10);
const input = validationInputOf(read(), department.unit, true)!;
const engineMs = time(() => void validate(input), 15, 10);
const adjustMs = time(() => void adjustRounding(SHANXI_UNIT_13, department), 7, 5);
const adjusted = adjustRounding(SHANXI_UNIT_13, department);
console.log(JSON.stringify({ rowCount, readMs, engineMs, adjustMs, moved: adjusted.moved.length, figures: adjusted.figures, residuals: adjusted.residuals.length }));
