/** Workbooks built in memory the way the CLI writes them, and read back the way it reads them. */
import ExcelJS from "exceljs";
import { planInsertion } from "../../src/core/layout/workbook";
import type { Disclosure } from "../../src/core/model";
import { findPack } from "../../src/core/packs";
import { buildWorkbook } from "../../src/cli/xlsx-writer";
import type { UnitInfo } from "../../src/core/model";
import { readWorkbookFileBytes } from "../../src/cli/load-workbook";
import { validateCells, type ValidateOptions, type WorkbookValidation } from "../../src/cli/validate-workbook";

export async function roundTripWorkbook(disclosure: Disclosure, mutate?: (wb: ExcelJS.Workbook) => void): Promise<ExcelJS.Workbook> {
  const pack = findPack(disclosure.packId)!;
  const layouts = planInsertion(pack, disclosure.unit, pack.tables.map((t) => t.id), [], disclosure.tables).layouts;
  const written = buildWorkbook(layouts);
  mutate?.(written);
  const buffer = await written.xlsx.writeBuffer();
  const read = new ExcelJS.Workbook();
  await read.xlsx.load(buffer as ArrayBuffer);
  return read;
}

/** Validates an ExcelJS workbook the way the command line validates a file: written out, then read by the CLI's reader. */
export async function validateAsFile(workbook: ExcelJS.Workbook, unitDefaults: Partial<UnitInfo> = {}, options: ValidateOptions = {}): Promise<WorkbookValidation> {
  // ExcelJS loads an empty text result (<v></v>) as none and would write the formula alone; Excel saves every result.
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value as ExcelJS.CellFormulaValue | null;
        if (value && typeof value === "object" && "formula" in value && value.result === undefined) cell.value = { ...value, result: "" };
      }),
    ),
  );
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return validateCells(await readWorkbookFileBytes(bytes, "工作簿.xlsx"), unitDefaults, options);
}
