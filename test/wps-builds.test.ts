/**
 * The whole WPS add-in under each way WPS builds are known to differ (fake-et.ts's switches, and where a build
 * puts its objects): inserting, reading, validating, rounding, 说明, 定稿 and the settings give the same workbook
 * and the same findings as on a build with none of the differences, and 自检 names the branch each took.
 */
import { describe, expect, it } from "vitest";
import type { NarrativeFacts } from "../src/core/narrative/facts";
import { renderNarrativeSheet } from "../src/core/narrative/layout";
import { SHANXI_UNIT_13 } from "../src/core/packs/shanxi-unit-13";
import { adjustRounding } from "../src/core/rounding/adjust";
import { roundingChanges } from "../src/core/rounding/changes";
import { runValidation } from "../src/taskpane/run-validation";
import { wpsApplication } from "../src/wps/host";
import { leaveRibbonPageRecord } from "../src/wps/ribbon-requests";
import { runWpsSelfTest } from "../src/wps/self-test";
import { WpsWorkbookPort } from "../src/wps/wps-port";
import { FakeEt, type FakeEtOptions } from "./support/fake-et";
import { loadExample } from "./support/reference";
import { wpsScope, type Placement } from "./support/wps-scope";

const example = loadExample();
const allTables = [...SHANXI_UNIT_13.tables.map((t) => t.id), "P1"];

interface Build {
  build: string;
  options?: FakeEtOptions;
  placement?: Placement;
  /** 自检's line for the check, where this build takes a fallback. */
  branch?: [check: string, detail: string];
}

const BUILDS: Build[] = [
  { build: "properties as zero-argument methods", options: { accessorsAsMethods: true }, branch: ["二维 Value2 写入", "二维数组一次写入，读回一致；属性以无参数方法的形式提供（已兼容）"] },
  { build: "a one-row range as a flat array", options: { flatRows: true }, branch: ["二维 Value2 写入", "二维数组一次写入，读回一致；单行区域读回为一维数组（已按一行读取）"] },
  { build: "Formula refusing a 2-D array", options: { formulaRefusesArrays: true }, branch: ["二维 Formula 写入", "数组写入不成，已逐个单元格写入（保留这个做法）"] },
  { build: "Add ignoring the position asked", options: { addIgnoresAfter: true }, branch: ["Worksheets.Add", "新表没有放在要求的位置，已用 Move 移到最后（保留这个做法）"] },
  { build: "Add refusing undefined for Before", options: { addRefusesUndefined: true }, branch: ["Worksheets.Add", "Before 传 undefined 被拒绝，传 null 成功（保留这个做法）"] },
  { build: "errors as COM error numbers", options: { errorsAsNumbers: true }, branch: ["错误值读取", "错误值以 COM 错误号（-2146826259）返回，已读作错误值 #NAME?"] },
  { build: "the workbook behind wps.EtApplication()", placement: "wpsRoot", branch: ["宿主对象", "工作簿对象在 wps.EtApplication()，加载项对象（PluginStorage、任务窗格）在 wps"] },
  { build: "the workbook on wps.Application", placement: "wpsApplication", branch: ["宿主对象", "工作簿对象在 wps.Application，加载项对象（PluginStorage、任务窗格）在 wps"] },
];

const key = (f: { ruleId: string; severity: string; sheet?: string; cell?: string; message: string }) => `${f.severity} ${f.ruleId} ${f.sheet ?? ""}!${f.cell ?? ""} ${f.message}`;

/** The accountant's session on one build; what it leaves and what it was told. */
async function session(options: FakeEtOptions = {}, placement: Placement = "current") {
  const et = new FakeEt({ sheetNames: ["Sheet1"], ...options });
  const { scope } = wpsScope(et, placement);
  scope.YS_MISSING_FEATURES = [];
  const app = wpsApplication(scope)!;
  const port = new WpsWorkbookPort(app);
  await port.saveUnitInfo(example.unit);
  const inserted = await port.insertTables({ packId: "shanxi-unit-13", unit: example.unit, tableIds: allTables, data: example.tables });

  // 尾差调整 and back.
  const clean = await port.readTables({});
  const changes = roundingChanges(clean, adjustRounding(SHANXI_UNIT_13, clean.disclosure!));
  const rounded = await port.applyRounding(changes);
  const restored = await port.restoreExactValues();

  // A figure typed over a formula, and an error value where a figure should be.
  const t3 = et.sheet("表三 支出总表")!;
  t3.Range("C6").Value2 = 165.06;
  t3.Range("D9").Value2 = "#REF!";
  const { report, reading } = await runValidation(port, example.unit);

  await port.saveFacts({ priorYear: { total: 15_000_000 } } as NarrativeFacts);
  const narrative = await port.writeNarrative(renderNarrativeSheet(SHANXI_UNIT_13, example.unit, [{ kind: "paragraph", text: "收入预算总计164.06万元。" }]), false);
  const finalized = await port.finalize();

  leaveRibbonPageRecord(app.PluginStorage, { functions: 2, missing: [] });
  const selfTest = runWpsSelfTest(app, { userAgent: "Chrome/108.0", scope });
  return {
    state: {
      inserted,
      rounded: [changes.length, rounded, restored],
      findings: report.findings.map(key).sort(),
      problems: reading.problems.map((p) => `${p.sheet}!${p.cell} ${p.message}`),
      narrative,
      finalized,
      unit: await port.loadUnitInfo(),
      facts: await port.loadFacts(),
      sheets: et.sheets.map((s) => [s.name, s.visible, [...s.cells].map(([k, c]) => [k, c.formula ?? c.value ?? null, c.format ?? null]).sort(), s.merges, s.page]),
      names: et.names.map((n) => [n.name, n.refersTo]),
    },
    selfTest,
  };
}

describe("the WPS add-in under each build WPS ships", async () => {
  const plain = await session();

  it("finds on the plain build what the session set up: the typed-over total and the error value", () => {
    expect(plain.state.findings.some((f) => f.startsWith("error ") && f.includes("表三 支出总表!C6"))).toBe(true);
    expect([...plain.state.problems, ...plain.state.findings].some((t) => t.includes("D9") && t.includes("#REF!"))).toBe(true);
    expect(plain.state.rounded[0]).toBeGreaterThan(0);
    expect(plain.selfTest.filter((l) => !l.ok)).toEqual([]);
  });

  it.each(BUILDS)("leaves the same workbook and findings where a build has $build, and 自检 names its branch", async ({ options, placement, branch }) => {
    const run = await session(options, placement);
    expect(run.state).toEqual(plain.state);
    expect(run.selfTest.filter((l) => !l.ok)).toEqual([]);
    if (branch) expect(run.selfTest.find((l) => l.check === branch[0])?.detail).toBe(branch[1]);
    // A build without the difference does not report its branch.
    if (branch) expect(plain.selfTest.find((l) => l.check === branch[0])?.detail).not.toBe(branch[1]);
  });
});
