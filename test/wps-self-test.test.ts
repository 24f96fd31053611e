/**
 * 自检 over the fake ET under each way WPS builds differ: every check reports what that build did (the branch
 * a fallback took, the member that failed), and the accountant's workbook is never written.
 */
import { describe, expect, it } from "vitest";
import { selfTestText, type SelfTestLine } from "../src/host/self-test";
import { wpsApplication } from "../src/wps/host";
import { leaveRibbonPageRecord } from "../src/wps/ribbon-requests";
import { runWpsSelfTest } from "../src/wps/self-test";
import { FakeEt, type FakeEtOptions } from "./support/fake-et";
import { PLACEMENTS, wpsScope, type Placement } from "./support/wps-scope";

const CHROMIUM_108 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/108.0.5359.125 Safari/537.36";

interface Run {
  lines: SelfTestLine[];
  et: FakeEt;
  line(check: string): SelfTestLine;
}

/** The user's workbook as a test can compare it: sheets, cells, names. */
const userBook = (et: FakeEt) => JSON.stringify({ sheets: et.sheets.map((s) => [s.name, [...s.cells], s.merges, s.visible, s.page]), names: et.names.map((n) => [n.name, n.refersTo]) });

function selfTest(options: FakeEtOptions = {}, setup: { placement?: Placement; record?: "functions" | "none" | "noFunctions"; missing?: string[]; userAgent?: string } = {}): Run {
  const et = new FakeEt({ sheetNames: ["Sheet1"], ...options });
  et.sheets[0].Range("A1").Value2 = "单位的数据";
  const { scope } = wpsScope(et, setup.placement ?? "current");
  if (setup.missing) scope.YS_MISSING_FEATURES = setup.missing;
  else scope.YS_MISSING_FEATURES = [];
  const app = wpsApplication(scope)!;
  if (setup.record !== "none") leaveRibbonPageRecord(app.PluginStorage, { functions: setup.record === "noFunctions" ? 0 : 2, missing: [] });
  const before = userBook(et);
  const writesBefore = et.calls.filter((c) => c.kind !== "get" && c.on !== "Application").length;
  const lines = runWpsSelfTest(app, { userAgent: setup.userAgent ?? CHROMIUM_108, scope });
  // Never a change to the accountant's workbook, and the scratch workbook is closed.
  expect(userBook(et)).toBe(before);
  expect(et.calls.filter((c) => c.kind !== "get" && c.on !== "Application").length).toBe(writesBefore);
  expect(et.opened).toEqual([]);
  expect(et.active).toBe(et);
  return {
    lines,
    et,
    line: (check) => {
      const found = lines.find((l) => l.check === check);
      if (!found) throw new Error(`no line ${check}: ${lines.map((l) => l.check).join(", ")}`);
      return found;
    },
  };
}

const CHECKS = [
  "宿主对象",
  "WPS 版本",
  "浏览器内核",
  "PluginStorage（任务窗格）",
  "功能区页面（main.js）与任务窗格共用 PluginStorage",
  "自定义函数注册",
  "临时工作簿（Workbooks.Add）",
  "Worksheets.Add",
  "二维 Formula 写入",
  "二维 Value2 写入",
  "错误值读取",
  "Names.Add",
  "合并单元格",
  "页面设置（PageSetup）",
  "隐藏工作表",
  "关闭临时工作簿",
];

describe("自检 on a build where everything works", () => {
  it("passes every check, one line each, naming the version and the engine", () => {
    const { lines, line } = selfTest();
    expect(lines.map((l) => l.check)).toEqual(CHECKS);
    expect(lines.filter((l) => !l.ok)).toEqual([]);
    expect(line("WPS 版本").detail).toBe("12.1.0.20540（Build 20540）");
    expect(line("浏览器内核").detail).toBe("Chromium 108，需要的功能都有");
    expect(line("二维 Formula 写入").detail).toBe("二维数组一次写入，读回一致");
    expect(line("Worksheets.Add").detail).toBe("新工作表加在最后，名称已设置");
    expect(line("自定义函数注册").detail).toBe("已注册 2 个（YS.BUDGETROLLUP、YS.SHAREPCT）");
    expect(line("二维 Value2 写入").detail).toBe("二维数组一次写入，读回一致");
    expect(line("错误值读取").detail).toBe("错误值以文字（#NAME?）返回，已读作错误值 #NAME?");
  });

  it("gives the result as text to send to IT: a summary, then ✓ or ✗ per line", () => {
    const { lines } = selfTest({ failing: ["Merge"] });
    const text = selfTestText("预算公开助手 WPS 表格自检", lines).split("\n");
    expect(text[0]).toBe(`预算公开助手 WPS 表格自检：1 项未通过，共 ${CHECKS.length} 项`);
    expect(text[1]).toMatch(/^✓ 宿主对象：/);
    expect(text.filter((l) => l.startsWith("✗ "))).toEqual([expect.stringMatching(/^✗ 合并单元格：出错：合并失败$/)]);
    expect(selfTestText("自检", selfTest().lines).split("\n")[0]).toBe(`自检：全部 ${CHECKS.length} 项通过`);
  });
});

describe("自检 reports what each build did", () => {
  it.each(PLACEMENTS)("names where the objects were found (%s)", (placement) => {
    const where = { current: "工作簿对象在 Application，加载项对象（PluginStorage、任务窗格）在 wps", wpsRoot: "工作簿对象在 wps.EtApplication()，加载项对象（PluginStorage、任务窗格）在 wps", wpsApplication: "工作簿对象在 wps.Application，加载项对象（PluginStorage、任务窗格）在 wps" }[placement];
    const { line, lines } = selfTest({}, { placement });
    expect(line("宿主对象").detail).toBe(where);
    expect(lines.filter((l) => !l.ok)).toEqual([]);
  });

  it("keeps a fallback's branch: Formula refusing arrays is written cell by cell, and says so", () => {
    const { line } = selfTest({ formulaRefusesArrays: true });
    expect(line("二维 Formula 写入")).toEqual({ check: "二维 Formula 写入", ok: true, detail: "数组写入不成，已逐个单元格写入（保留这个做法）" });
  });

  it("keeps a fallback's branch: Add putting the sheet first is moved to the end, and says so", () => {
    const { line } = selfTest({ addIgnoresAfter: true });
    expect(line("Worksheets.Add")).toEqual({ check: "Worksheets.Add", ok: true, detail: "新表没有放在要求的位置，已用 Move 移到最后（保留这个做法）" });
  });

  it.each<[string, FakeEtOptions, string, string]>([
    ["properties as methods", { accessorsAsMethods: true }, "二维 Value2 写入", "二维数组一次写入，读回一致；属性以无参数方法的形式提供（已兼容）"],
    ["a one-row range as a flat array", { flatRows: true }, "二维 Value2 写入", "二维数组一次写入，读回一致；单行区域读回为一维数组（已按一行读取）"],
    ["errors as COM error numbers", { errorsAsNumbers: true }, "错误值读取", "错误值以 COM 错误号（-2146826259）返回，已读作错误值 #NAME?"],
  ])("passes on a build with %s, and says how it gives it", (_, options, check, detail) => {
    const { lines, line } = selfTest(options);
    expect(lines.filter((l) => !l.ok)).toEqual([]);
    expect(line(check).detail).toBe(detail);
  });

  it.each([
    ["Value2", "二维 Value2 写入", "出错：类型不匹配"],
    ["Names.Add", "Names.Add", "出错：Names.Add 不可用"],
    ["Merge", "合并单元格", "出错：合并失败"],
    ["PageSetup", "页面设置（PageSetup）", "出错：PageSetup 不可用"],
  ])("fails only the line of a member that throws (%s)", (member, check, detail) => {
    const { lines } = selfTest({ failing: [member] });
    expect(lines.filter((l) => !l.ok)).toEqual([{ check, ok: false, detail }]);
  });

  it("writes nothing anywhere when no scratch workbook can be made, and says why", () => {
    const { lines } = selfTest({ failing: ["Workbooks.Add"] });
    expect(lines.filter((l) => !l.ok)).toEqual([
      { check: "临时工作簿（Workbooks.Add）", ok: false, detail: "出错：Workbooks.Add 不可用" },
      { check: "写入类检查", ok: false, detail: "未检查：没有临时工作簿，自检不在您的工作簿里试写" },
    ]);
  });

  it("says when the version cannot be read", () => {
    expect(selfTest({ version: null }).line("WPS 版本")).toEqual({ check: "WPS 版本", ok: false, detail: "读不到 Application.Version" });
  });

  it("says when the ribbon's page left no record, and when the build registers no functions", () => {
    const none = selfTest({}, { record: "none" });
    expect(none.line("功能区页面（main.js）与任务窗格共用 PluginStorage").ok).toBe(false);
    expect(none.line("自定义函数注册")).toEqual({ check: "自定义函数注册", ok: false, detail: "不知道：没有功能区页面的记录" });
    expect(selfTest({}, { record: "noFunctions" }).line("自定义函数注册").detail).toMatch(/没有 AddCustomFunction（需要 12\.1\.0\.20540 或更高）/);
  });

  it("names the features the start-up check found missing, and an engine older than Chromium 70", () => {
    expect(selfTest({}, { missing: ["Object.fromEntries"] }).line("浏览器内核")).toEqual({ check: "浏览器内核", ok: false, detail: "Chromium 108，缺少 Object.fromEntries" });
    const old = selfTest({}, { userAgent: "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko) Chrome/69.0.3497.100 Safari/537.36" }).line("浏览器内核");
    expect(old).toEqual({ check: "浏览器内核", ok: false, detail: "Chromium 69，需要的功能都有，但低于本加载项测试过的 Chromium 70" });
  });
});
