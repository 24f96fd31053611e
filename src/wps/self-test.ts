/**
 * 自检: runs each WPS API the add-in relies on and says, one line each, what this machine did. Writes go into a
 * scratch workbook (Workbooks.Add, closed unsaved); where none can be made, nothing is written, never into the
 * accountant's workbook. The writes go through the add-in's own helpers, so each fallback they take (2-D
 * Formula refused, Add's position ignored) is recorded and reported as the branch to keep.
 */
import { areaAddress, quoteSheetName, type Area } from "../core/layout/a1";
import { errorText, type SelfTestLine } from "../host/self-test";
import { get, valueGrid } from "./access";
import { LANDSCAPE, SHEET_VERY_HIDDEN, type EtWorkbook, type EtWorksheet } from "./et";
import { featureCheckRan, missingFeatures } from "./features";
import { wpsPlacement, type WpsApplication } from "./host";
import { workbookCells } from "./read";
import { readRibbonPageRecord } from "./ribbon-requests";
import { addSheetAtEnd, namedAreas, withoutPrompts, WPS_FALLBACKS } from "./workbook";
import { setPageSetup, writeGrid, type GridWrite } from "./write-layout";

/** What the pane's page knows of itself: the engine's user agent, and the page (window) the feature check ran on. */
export interface SelfTestPage {
  userAgent: string;
  scope: unknown;
}

const PROBE_KEY = "ys.selfTestProbe";
const PROBE_NAME = "YS_自检";
/** The grid written: a formula over two figures, text, and an empty cell. */
const GRID = [
  [1, 2, "=SUM(A1:B1)"],
  ["文字", "", 3.5],
];
const MERGE: Area = { firstRow: 3, lastRow: 3, firstCol: 0, lastCol: 2 };

const GRID_BRANCH: Record<GridWrite, string> = {
  block: "二维数组一次写入，读回一致",
  rows: "二维数组整块写入不成，已按行写入（保留这个做法）",
  cells: "数组写入不成，已逐个单元格写入（保留这个做法）",
};

const ADD_BRANCH: Record<string, string> = {
  null: "Before 传 undefined 被拒绝，传 null 成功（保留这个做法）",
  Move: "新表没有放在要求的位置，已用 Move 移到最后（保留这个做法）",
};

/** One check: its line, ✗ with the error where it throws. */
function check(lines: SelfTestLine[], name: string, run: () => { ok: boolean; detail: string }): boolean {
  try {
    const { ok, detail } = run();
    lines.push({ check: name, ok, detail });
    return ok;
  } catch (error) {
    lines.push({ check: name, ok: false, detail: `出错：${errorText(error)}` });
    return false;
  }
}

const chromium = (userAgent: string): number | null => {
  const match = /Chrome\/(\d+)/.exec(userAgent);
  return match ? Number(match[1]) : null;
};

/** The host's objects, versions and engine: nothing is written. */
function environmentLines(app: WpsApplication, page: SelfTestPage, lines: SelfTestLine[]): void {
  check(lines, "宿主对象", () => {
    const placement = wpsPlacement(app);
    return { ok: true, detail: placement ? `工作簿对象在 ${placement.workbook}，加载项对象（PluginStorage、任务窗格）在 ${placement.addin}` : "已找到" };
  });
  check(lines, "WPS 版本", () => {
    const version = get(app, "Version" as keyof WpsApplication) as unknown;
    const build = get(app, "Build" as keyof WpsApplication) as unknown;
    if (version === undefined || version === null || version === "") return { ok: false, detail: "读不到 Application.Version" };
    return { ok: true, detail: `${String(version)}${build !== undefined && build !== null ? `（Build ${String(build)}）` : ""}` };
  });
  check(lines, "浏览器内核", () => {
    const version = chromium(page.userAgent);
    const missing = missingFeatures(page.scope);
    const engine = version === null ? `不是 Chromium（${page.userAgent}）` : `Chromium ${version}`;
    if (missing.length > 0) return { ok: false, detail: `${engine}，缺少 ${missing.join("、")}` };
    if (!featureCheckRan(page.scope)) return { ok: version !== null && version >= 70, detail: `${engine}；启动检查没有在这个页面运行` };
    return { ok: version !== null && version >= 70, detail: `${engine}，需要的功能都有${version !== null && version < 70 ? "，但低于本加载项测试过的 Chromium 70" : ""}` };
  });
}

/** PluginStorage between the pane and the ribbon's page, and what the ribbon's page registered. */
function storageLines(app: WpsApplication, lines: SelfTestLine[]): void {
  check(lines, "PluginStorage（任务窗格）", () => {
    const value = `${Date.now()}`;
    app.PluginStorage.setItem(PROBE_KEY, value);
    const read = app.PluginStorage.getItem(PROBE_KEY);
    return read === value ? { ok: true, detail: "写入后读回一致" } : { ok: false, detail: `写入 ${value}，读回 ${String(read)}` };
  });
  const record = (() => {
    try {
      return readRibbonPageRecord(app.PluginStorage);
    } catch {
      return null;
    }
  })();
  check(lines, "功能区页面（main.js）与任务窗格共用 PluginStorage", () =>
    record ? { ok: true, detail: "功能区页面加载时留下的记录，任务窗格读到了" } : { ok: false, detail: "没有读到功能区页面的记录：main.js 没有加载，或两个页面不共用 PluginStorage" },
  );
  check(lines, "自定义函数注册", () => {
    if (!record) return { ok: false, detail: "不知道：没有功能区页面的记录" };
    if (record.functionsError) return { ok: false, detail: `注册时出错：${record.functionsError}` };
    if (record.functions === 0) return { ok: false, detail: "这个 WPS 版本没有 AddCustomFunction（需要 12.1.0.20540 或更高），YS.BUDGETROLLUP 和 YS.SHAREPCT 不可用；其余功能照常" };
    return { ok: true, detail: `已注册 ${record.functions} 个（YS.BUDGETROLLUP、YS.SHAREPCT）` };
  });
}

const sameArea = (a: Area | undefined, b: Area) => a !== undefined && a.firstRow === b.firstRow && a.lastRow === b.lastRow && a.firstCol === b.firstCol && a.lastCol === b.lastCol;

/** The writes, in the scratch workbook. */
function writeLines(app: WpsApplication, book: EtWorkbook, lines: SelfTestLine[]): void {
  let sheet: EtWorksheet | null = null;
  check(lines, "Worksheets.Add", () => {
    sheet = addSheetAtEnd(book, "自检");
    const branch = WPS_FALLBACKS.get("Worksheets.Add");
    return { ok: true, detail: branch ? (ADD_BRANCH[branch] ?? branch) : "新工作表加在最后，名称已设置" };
  });
  const target = sheet as EtWorksheet | null;
  if (!target) return;
  check(lines, "二维 Formula 写入", () => {
    const branch = writeGrid(target, GRID, 3);
    const sum = get(target.Range("C1"), "Value2");
    if (sum !== 3) return { ok: false, detail: `${GRID_BRANCH[branch]}；但公式 =SUM(A1:B1) 的结果读回 ${String(sum)}，应为 3` };
    return { ok: true, detail: GRID_BRANCH[branch] };
  });
  check(lines, "二维 Value2 写入", () => {
    const range = target.Range("A6:B7");
    range.Value2 = [
      [10, "甲"],
      [20.25, "乙"],
    ];
    const read = valueGrid(get(range, "Value2"), 2, 2);
    const expected = [
      [10, "甲"],
      [20.25, "乙"],
    ];
    if (JSON.stringify(read) !== JSON.stringify(expected)) return { ok: false, detail: `读回 ${JSON.stringify(read)}` };
    // How this build gives what it gives: the reader takes either form, the self-test says which.
    const notes = ["二维数组一次写入，读回一致"];
    if (typeof (range as unknown as Record<string, unknown>).Value2 === "function") notes.push("属性以无参数方法的形式提供（已兼容）");
    const row: unknown = get(target.Range("A6:B6"), "Value2");
    if (Array.isArray(row) && !row.some(Array.isArray)) notes.push("单行区域读回为一维数组（已按一行读取）");
    return { ok: true, detail: notes.join("；") };
  });
  check(lines, "错误值读取", () => {
    const cell = target.Range("D6");
    cell.Formula = "=1/0";
    const raw: unknown = get(cell, "Value2");
    const read = valueGrid(raw, 1, 1)[0][0];
    if (!read || typeof read !== "object" || !("error" in read)) return { ok: false, detail: `=1/0 读回 ${JSON.stringify(raw)}，没有读成错误值` };
    const form = typeof raw === "number" ? ` COM 错误号（${raw}）` : `文字（${String(raw)}）`;
    return { ok: true, detail: `错误值以${form}返回，已读作错误值 ${read.error}` };
  });
  check(lines, "Names.Add", () => {
    book.Names.Add(PROBE_NAME, `=${quoteSheetName(get(target, "Name"))}!$A$1:$C$2`);
    const area = namedAreas(book, (n) => n === PROBE_NAME).get(PROBE_NAME)?.area;
    return sameArea(area, { firstRow: 0, lastRow: 1, firstCol: 0, lastCol: 2 }) ? { ok: true, detail: "名称已添加，读回指向 A1:C2" } : { ok: false, detail: "名称读不回来" };
  });
  check(lines, "合并单元格", () => {
    // Text in the merged area, so that reading takes its row in (an empty row past the data is not read).
    target.Range(areaAddress({ ...MERGE, lastCol: MERGE.firstCol })).Value2 = "合并";
    withoutPrompts(app, () => target.Range(areaAddress(MERGE)).Merge());
    const merges = workbookCells(book).sheets.find((s) => s.name === get(target, "Name"))?.merges ?? [];
    return merges.some((m) => sameArea(m, MERGE)) ? { ok: true, detail: `已合并 ${areaAddress(MERGE)}，读取时找到` } : { ok: false, detail: `合并后读取时没有找到 ${areaAddress(MERGE)}` };
  });
  check(lines, "页面设置（PageSetup）", () => {
    setPageSetup(target, true, { first: 0, last: 1 });
    const page = target.PageSetup;
    const orientation = get(page, "Orientation");
    const titles = get(page, "PrintTitleRows");
    const ok = orientation === LANDSCAPE && String(titles).replace(/\$/g, "") === "1:2";
    return ok ? { ok: true, detail: "A4 横向、一页宽、重复表头行，读回一致" } : { ok: false, detail: `读回方向 ${String(orientation)}、标题行 ${String(titles)}` };
  });
  check(lines, "隐藏工作表", () => {
    const hidden = addSheetAtEnd(book, "自检隐藏");
    hidden.Visible = SHEET_VERY_HIDDEN;
    const read = workbookCells(book).sheets.find((s) => s.name === "自检隐藏");
    return read?.hidden ? { ok: true, detail: "深度隐藏（xlSheetVeryHidden）已设置，读取时标为隐藏" } : { ok: false, detail: `读回 Visible = ${String(get(hidden, "Visible"))}` };
  });
}

/**
 * Runs every check. `app` is the host as the pane found it; the accountant's workbook is only read
 * (its presence), and shown again at the end.
 */
export function runWpsSelfTest(app: WpsApplication, page: SelfTestPage): SelfTestLine[] {
  const lines: SelfTestLine[] = [];
  WPS_FALLBACKS.clear();
  environmentLines(app, page, lines);
  storageLines(app, lines);
  let users: EtWorkbook | null = null;
  try {
    users = app.ActiveWorkbook ?? null;
  } catch {
    users = null;
  }
  let scratch: EtWorkbook | null = null;
  check(lines, "临时工作簿（Workbooks.Add）", () => {
    const books = app.Workbooks;
    if (!books) return { ok: false, detail: "没有 Application.Workbooks" };
    scratch = books.Add();
    return { ok: true, detail: "已新建，自检只写在这个工作簿里，结束时不保存关闭" };
  });
  const book = scratch as EtWorkbook | null;
  if (!book) {
    lines.push({ check: "写入类检查", ok: false, detail: "未检查：没有临时工作簿，自检不在您的工作簿里试写" });
    return lines;
  }
  try {
    writeLines(app, book, lines);
  } finally {
    check(lines, "关闭临时工作簿", () => {
      book.Close?.(false);
      users?.Activate?.();
      return { ok: true, detail: "不保存关闭，回到您的工作簿" };
    });
  }
  return lines;
}
