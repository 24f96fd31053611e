/**
 * LibreOffice headless as the independent spreadsheet engine: converts .xlsx files
 * to .xlsx with a profile that forces a full recalculation on load.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function libreOfficeAvailable(): boolean {
  return spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
}

/**
 * Converts the files in one LibreOffice run (formulas recalculated on load); returns the paths of the converted copies.
 * `filter` is the export filter with its options, as LibreOffice takes them after the format (calc_pdf_Export:{…}).
 */
export function convert(files: readonly string[], format: "xlsx" | "ods" | "pdf", filter?: string): string[] {
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  const outDir = mkdtempSync(join(tmpdir(), "lo-out-"));
  execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", filter ? `${format}:${filter}` : format, "--outdir", outDir, ...files], {
    stdio: "pipe",
    timeout: 300_000,
  });
  return files.map((f) => join(outDir, basename(f).replace(/\.[^.]+$/, `.${format}`)));
}

/** Recalculates the files in one LibreOffice run; returns the paths of the recalculated copies. */
export function recalculate(files: readonly string[]): string[] {
  return convert(files, "xlsx");
}
