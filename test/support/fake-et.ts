/**
 * A fake of WPS 表格's ET object model, as the WPS face uses it (src/wps/et.ts, itself checked
 * against et-jsapi-declare): 1-based collections, Value2 as a 2-D array or a bare value for one
 * cell, formulas kept apart from values (and computed when read, for the formulas our layouts
 * write), merges, names that turn to #REF! when their sheet goes, sheet visibility, and WPS's
 * confirmation when a sheet is deleted with alerts on. With `accessorsAsMethods`, properties read
 * as zero-argument methods, as some WPS builds expose them. Every member used is recorded, so a
 * test can count calls. Pure TypeScript: the browser tests run it too.
 */
import { areaAddress, type Area } from "../../src/core/layout/a1";
import { cellsOf, evaluateLayoutFormula, parseAreas, type Scalar } from "./layout-formulas";
import type { EtApplication, EtWorkbooks, EtBorders, EtFont, EtName, EtNames, EtPageSetup, EtRange, EtSheets, EtWindow, EtWorkbook, EtWorksheet, WpsAddinRoot, WpsTaskPane } from "../../src/wps/et";

export interface FakeCall {
  on: "Application" | "Workbook" | "Sheets" | "Worksheet" | "Range" | "Font" | "Borders" | "PageSetup" | "Names" | "Name" | "Window";
  member: string;
  kind: "get" | "set" | "call";
}

interface Cell {
  value?: Scalar;
  formula?: string;
  format?: string;
  font?: { name?: unknown; size?: unknown; bold?: unknown };
  horizontal?: unknown;
  vertical?: unknown;
  wrap?: unknown;
}

const key = (r: number, c: number) => `${r}:${c}`;
const absolute = (a: Area) => areaAddress(a, true);

export interface FakeEtOptions {
  accessorsAsMethods?: boolean;
  sheetNames?: string[];
  flatRows?: boolean;
  formulaRefusesArrays?: boolean;
  addIgnoresAfter?: boolean;
  failing?: readonly string[];
  version?: string | null;
  /** Worksheets.Add(undefined, after) throws; Add(null, after) works. */
  addRefusesUndefined?: boolean;
  /** Value2 gives an error cell as COM's error number, not as its text. */
  errorsAsNumbers?: boolean;
}

/** COM's error numbers (CVErr) for the error values. */
const COM_ERRORS: Record<string, number> = { "#NULL!": -2146826288, "#DIV/0!": -2146826281, "#VALUE!": -2146826273, "#REF!": -2146826265, "#NAME?": -2146826259, "#NUM!": -2146826252, "#N/A": -2146826246 };

export class FakeEt {
  readonly calls: FakeCall[] = [];
  readonly sheets: FakeWorksheet[] = [];
  readonly names: FakeName[] = [];
  /** Confirmations WPS would have shown (a sheet deleted with DisplayAlerts on). */
  prompts = 0;
  activeSheet: FakeWorksheet | null = null;
  selection: FakeRange | null = null;
  screenUpdating = true;
  displayAlerts = true;
  readonly storage = new Map<string, string>();
  readonly panes: (WpsTaskPane & { url: string })[] = [];
  readonly app: EtApplication & WpsAddinRoot;
  /** Workbooks opened by `Workbooks.Add()` (each a fake of its own) and not yet closed; the active one, this workbook else. */
  readonly opened: FakeEt[] = [];
  active: FakeEt = this;

  /**
   * Switches for the ways WPS builds differ: `accessorsAsMethods` (properties as zero-argument methods),
   * `flatRows` (a one-row range's Value2 and Formula as a flat array of its cells), `formulaRefusesArrays`
   * (Formula takes a single value only, as the typings declare), `addIgnoresAfter` (Worksheets.Add puts the sheet
   * first whatever it is asked), `failing` (members that throw, e.g. Merge, PageSetup, Workbooks.Add, Names.Add,
   * Value2 for a 2-D array), `version` (Application.Version; none for a build that lacks it), `addRefusesUndefined`,
   * `errorsAsNumbers`.
   */
  constructor(readonly options: FakeEtOptions = {}) {
    for (const name of options.sheetNames ?? []) this.sheets.push(new FakeWorksheet(this, name));
    this.activeSheet = this.sheets[0] ?? null;
    this.app = new FakeApplication(this) as unknown as EtApplication & WpsAddinRoot;
  }

  /** Counts every set and call, so that computed formula results are dropped after a change. */
  writes = 0;

  record(on: FakeCall["on"], member: string, kind: FakeCall["kind"]): void {
    this.calls.push({ on, member, kind });
    if (kind !== "get") this.writes++;
  }

  /** A property read: the value, or a zero-argument method returning it (some WPS builds). */
  read<T>(on: FakeCall["on"], member: string, value: () => T): T {
    this.record(on, member, "get");
    return (this.options.accessorsAsMethods ? () => value() : value()) as T;
  }

  sheet(name: string): FakeWorksheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Writes (property sets and method calls) on ranges and their fonts and borders. */
  rangeWrites(): number {
    return this.calls.filter((c) => (c.on === "Range" || c.on === "Font" || c.on === "Borders") && c.kind !== "get").length;
  }

  /** A sheet typed by hand: values only, no names (what a unit sends in). */
  loadPlainSheet(name: string, rows: Scalar[][], merges: Area[] = []): FakeWorksheet {
    const sheet = new FakeWorksheet(this, name);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== "") sheet.cell(r, c, true).value = v;
      }),
    );
    sheet.merges.push(...merges);
    this.sheets.push(sheet);
    return sheet;
  }
}

class FakeApplication {
  constructor(private readonly et: FakeEt) {}
  get ActiveWorkbook(): EtWorkbook {
    this.et.record("Application", "ActiveWorkbook", "get");
    return new FakeWorkbook(this.et.active, this.et);
  }
  get Workbooks(): EtWorkbooks {
    const et = this.et;
    return {
      get Count() {
        return 1 + et.opened.length;
      },
      Add(): EtWorkbook {
        if (et.options.failing?.includes("Workbooks.Add")) throw new Error("Workbooks.Add 不可用");
        const book = new FakeEt({ ...et.options, sheetNames: ["Sheet1"] });
        et.opened.push(book);
        et.active = book;
        return new FakeWorkbook(book, et);
      },
    };
  }
  get Version(): string | undefined {
    return this.et.options.version === null ? undefined : (this.et.options.version ?? "12.1.0.20540");
  }
  get Build(): number | undefined {
    return this.et.options.version === null ? undefined : 20540;
  }
  get ActiveSheet(): EtWorksheet | null {
    return this.et.activeSheet;
  }
  get ActiveWindow(): EtWindow {
    this.et.record("Application", "ActiveWindow", "get");
    return new FakeWindow(this.et);
  }
  get Selection(): unknown {
    return this.et.selection;
  }
  get ScreenUpdating(): boolean {
    return this.et.screenUpdating;
  }
  set ScreenUpdating(v: boolean) {
    this.et.record("Application", "ScreenUpdating", "set");
    this.et.screenUpdating = v;
  }
  get DisplayAlerts(): boolean {
    return this.et.displayAlerts;
  }
  set DisplayAlerts(v: boolean) {
    this.et.displayAlerts = v;
  }
  get PluginStorage() {
    const storage = this.et.storage;
    return { setItem: (k: string, v: string) => void storage.set(k, String(v)), getItem: (k: string) => storage.get(k) ?? null };
  }
  CreateTaskPane(url: string): WpsTaskPane {
    const pane = { ID: this.et.panes.length + 1, Visible: false, Width: 0, url };
    this.et.panes.push(pane);
    return pane;
  }
  GetTaskPane(id: number): WpsTaskPane | null {
    return this.et.panes.find((p) => p.ID === id) ?? null;
  }
}

class FakeWindow implements EtWindow {
  constructor(private readonly et: FakeEt) {}
  private get sheet() {
    return this.et.activeSheet!;
  }
  get SplitRow() {
    return this.sheet.frozenRows;
  }
  set SplitRow(v: number) {
    this.et.record("Window", "SplitRow", "set");
    this.sheet.frozenRows = v;
  }
  SplitColumn = 0;
  get FreezePanes() {
    return this.sheet.frozen;
  }
  set FreezePanes(v: boolean) {
    this.et.record("Window", "FreezePanes", "set");
    this.sheet.frozen = v;
  }
}

class FakeWorkbook implements EtWorkbook {
  /** `et` is this workbook's own fake; `root` the application's first workbook, which keeps the list of the others. */
  constructor(
    private readonly et: FakeEt,
    private readonly root: FakeEt = et,
  ) {}
  Close(): void {
    if (this.et === this.root) throw new Error("测试不关闭用户的工作簿");
    this.root.opened.splice(this.root.opened.indexOf(this.et), 1);
    if (this.root.active === this.et) this.root.active = this.root.opened.at(-1) ?? this.root;
  }
  Activate(): void {
    this.root.active = this.et;
  }
  get Worksheets(): EtSheets {
    return new FakeSheets(this.et);
  }
  get Names(): EtNames {
    return new FakeNames(this.et);
  }
}

class FakeSheets implements EtSheets {
  constructor(private readonly et: FakeEt) {}
  get Count(): number {
    return this.et.read("Sheets", "Count", () => this.et.sheets.length);
  }
  Item(index: number | string): EtWorksheet {
    this.et.record("Sheets", "Item", "call");
    const sheet = typeof index === "number" ? this.et.sheets[index - 1] : this.et.sheet(index);
    if (!sheet) throw new Error("下标越界");
    return sheet;
  }
  Add(before?: EtWorksheet, after?: EtWorksheet): EtWorksheet {
    this.et.record("Sheets", "Add", "call");
    // A build that refuses undefined for the omitted Before (COM wants it left out, or null).
    if (this.et.options.addRefusesUndefined && after !== undefined && before === undefined && arguments.length >= 2) throw new Error("类型不匹配");
    let n = this.et.sheets.length + 1;
    while (this.et.sheet(`Sheet${n}`)) n++;
    const sheet = new FakeWorksheet(this.et, `Sheet${n}`);
    const at = this.et.options.addIgnoresAfter ? 0 : after ? this.et.sheets.indexOf(after as FakeWorksheet) + 1 : before ? this.et.sheets.indexOf(before as FakeWorksheet) : 0;
    this.et.sheets.splice(at, 0, sheet);
    this.et.activeSheet = sheet;
    return sheet;
  }
}

export class FakeWorksheet implements EtWorksheet {
  readonly cells = new Map<string, Cell>();
  readonly merges: Area[] = [];
  readonly borders: Area[] = [];
  readonly columnWidths = new Map<number, unknown>();
  readonly rowHeights = new Map<number, unknown>();
  readonly hiddenColumns = new Set<number>();
  readonly page: Record<string, unknown> = {};
  frozenRows = 0;
  frozen = false;
  visible: unknown = -1;

  constructor(
    private readonly et: FakeEt,
    public name: string,
  ) {}

  cell(r: number, c: number, create = false): Cell {
    let cell = this.cells.get(key(r, c));
    if (!cell && create) this.cells.set(key(r, c), (cell = {}));
    return cell ?? {};
  }

  get Name(): string {
    return this.et.read("Worksheet", "Name", () => this.name);
  }
  set Name(value: string) {
    this.et.record("Worksheet", "Name", "set");
    if (this.et.sheets.some((s) => s !== this && s.name.toLowerCase() === value.toLowerCase())) throw new Error(`工作表名称“${value}”已被占用`);
    if (value.length > 31 || /[\\/?*[\]:]/.test(value)) throw new Error(`工作表名称“${value}”无效`);
    this.name = value;
  }
  get Visible(): unknown {
    return this.et.read("Worksheet", "Visible", () => this.visible);
  }
  set Visible(value: unknown) {
    this.et.record("Worksheet", "Visible", "set");
    this.visible = value;
    // A sheet hidden while shown: WPS shows the nearest visible one instead.
    if (value !== -1 && this.et.activeSheet === this) this.et.activeSheet = this.et.sheets.find((s) => s.visible === -1) ?? null;
  }
  Range(address: string): EtRange {
    this.et.record("Worksheet", "Range", "call");
    return new FakeRange(this.et, this, parseAreas(address));
  }
  /** As in WPS: a formatted empty cell is in the used range too (Excel's values-only used range leaves it out). */
  get UsedRange(): EtRange {
    let box: Area | null = null;
    for (const [k] of this.cells) {
      const [r, c] = k.split(":").map(Number);
      box = box ? { firstRow: Math.min(box.firstRow, r), lastRow: Math.max(box.lastRow, r), firstCol: Math.min(box.firstCol, c), lastCol: Math.max(box.lastCol, c) } : { firstRow: r, lastRow: r, firstCol: c, lastCol: c };
    }
    return new FakeRange(this.et, this, [box ?? { firstRow: 0, lastRow: 0, firstCol: 0, lastCol: 0 }]);
  }
  get PageSetup(): EtPageSetup {
    if (this.et.options.failing?.includes("PageSetup")) throw new Error("PageSetup 不可用");
    const page = this.page;
    const et = this.et;
    return new Proxy({} as EtPageSetup, {
      get: (_, p) => page[String(p)],
      set: (_, p, v) => {
        et.record("PageSetup", String(p), "set");
        page[String(p)] = v;
        return true;
      },
    });
  }
  Activate(): void {
    this.et.record("Worksheet", "Activate", "call");
    this.et.activeSheet = this;
  }
  get Index(): number {
    return this.et.sheets.indexOf(this) + 1;
  }
  Move(before?: EtWorksheet, after?: EtWorksheet): void {
    this.et.record("Worksheet", "Move", "call");
    const sheets = this.et.sheets;
    sheets.splice(sheets.indexOf(this), 1);
    const at = after ? sheets.indexOf(after as FakeWorksheet) + 1 : before ? sheets.indexOf(before as FakeWorksheet) : sheets.length;
    sheets.splice(at, 0, this);
  }
  Delete(): void {
    this.et.record("Worksheet", "Delete", "call");
    if (this.et.displayAlerts) this.et.prompts++;
    this.et.sheets.splice(this.et.sheets.indexOf(this), 1);
    const quoted = new RegExp(`^=('${this.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/'/g, "''")}'|${this.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")})!`);
    for (const n of this.et.names) n.refersTo = n.refersTo.replace(quoted, "=#REF!");
    if (this.et.activeSheet === this) this.et.activeSheet = this.et.sheets[0] ?? null;
  }

  /** Formula results, computed once until the next write anywhere in the workbook. */
  private computed = new Map<string, Scalar>();
  private computedAt = -1;

  /** A cell's value as WPS computes it (formulas evaluated from the cells they refer to). */
  valueAt(r: number, c: number, depth = 0): Scalar {
    const cell = this.cells.get(key(r, c));
    if (!cell) return null;
    if (cell.formula === undefined) return cell.value ?? null;
    if (depth > 50) return "#REF!";
    if (this.computedAt !== this.et.writes) {
      this.computed.clear();
      this.computedAt = this.et.writes;
    }
    const k = key(r, c);
    // A formula the fake does not compute (a custom function) shows the result the test gave it.
    if (!this.computed.has(k)) this.computed.set(k, evaluateLayoutFormula(cell.formula.slice(1), (row, col) => this.valueAt(row, col, depth + 1)) ?? cell.value ?? "#NAME?");
    return this.computed.get(k)!;
  }
}

class FakeRange implements EtRange {
  constructor(
    private readonly et: FakeEt,
    private readonly sheet: FakeWorksheet,
    private readonly areas: Area[],
  ) {}

  private get first(): Area {
    return this.areas[0];
  }
  private all(): [number, number][] {
    return this.areas.flatMap(cellsOf);
  }
  private grid<T>(at: (r: number, c: number) => T): T | T[][] {
    const a = this.first;
    if (a.firstRow === a.lastRow && a.firstCol === a.lastCol) return at(a.firstRow, a.firstCol);
    if (this.et.options.flatRows && a.firstRow === a.lastRow) return Array.from({ length: a.lastCol - a.firstCol + 1 }, (_, j) => at(a.firstRow, a.firstCol + j)) as unknown as T[][];
    return Array.from({ length: a.lastRow - a.firstRow + 1 }, (_, i) => Array.from({ length: a.lastCol - a.firstCol + 1 }, (_, j) => at(a.firstRow + i, a.firstCol + j)));
  }
  /** A 2-D array fills the first area from its corner; a bare value fills every cell. */
  private fill(member: string, value: unknown, put: (cell: Cell, v: unknown) => void): void {
    this.et.record("Range", member, "set");
    if (Array.isArray(value)) {
      const a = this.first;
      value.forEach((row: unknown, i) => (Array.isArray(row) ? row : [row]).forEach((v, j) => a.firstRow + i <= a.lastRow && a.firstCol + j <= a.lastCol && put(this.sheet.cell(a.firstRow + i, a.firstCol + j, true), v)));
    } else for (const [r, c] of this.all()) put(this.sheet.cell(r, c, true), value);
  }
  private setEach(member: string, put: (cell: Cell) => void): void {
    this.et.record("Range", member, "set");
    for (const [r, c] of this.all()) put(this.sheet.cell(r, c, true));
  }

  get Value2(): unknown {
    return this.et.read("Range", "Value2", () => this.grid((r, c) => {
      const v = this.sheet.valueAt(r, c);
      // Errors as COM's error numbers (CVErr), as some builds give them, or as their text.
      if (this.et.options.errorsAsNumbers && typeof v === "string" && COM_ERRORS[v] !== undefined) return COM_ERRORS[v];
      return v === null ? undefined : v;
    }));
  }
  set Value2(value: unknown) {
    if (this.et.options.failing?.includes("Value2") && Array.isArray(value)) throw new Error("类型不匹配");
    this.fill("Value2", value, (cell, v) => {
      delete cell.formula;
      cell.value = v === "" || v === undefined ? undefined : (v as Scalar);
    });
  }
  get Formula(): unknown {
    return this.et.read("Range", "Formula", () => this.grid((r, c) => {
      const cell = this.sheet.cell(r, c);
      return cell.formula ?? cell.value ?? "";
    }));
  }
  set Formula(value: unknown) {
    if (this.et.options.formulaRefusesArrays && Array.isArray(value)) throw new Error("类型不匹配");
    this.fill("Formula", value, (cell, v) => {
      delete cell.formula;
      delete cell.value;
      if (typeof v === "string" && v.startsWith("=")) cell.formula = v;
      // As typed: a number-like text becomes a number unless the cell is formatted as text (@).
      else if (typeof v === "string" && v !== "" && cell.format !== "@" && v.trim() !== "" && !Number.isNaN(Number(v))) cell.value = Number(v);
      else if (v !== "" && v !== null && v !== undefined) cell.value = v as Scalar;
    });
  }
  get NumberFormat(): unknown {
    return this.grid((r, c) => this.sheet.cell(r, c).format ?? "General");
  }
  set NumberFormat(value: unknown) {
    this.fill("NumberFormat", value, (cell, v) => (cell.format = String(v)));
  }
  get HorizontalAlignment(): unknown {
    return this.sheet.cell(this.first.firstRow, this.first.firstCol).horizontal;
  }
  set HorizontalAlignment(v: unknown) {
    this.setEach("HorizontalAlignment", (cell) => (cell.horizontal = v));
  }
  get VerticalAlignment(): unknown {
    return this.sheet.cell(this.first.firstRow, this.first.firstCol).vertical;
  }
  set VerticalAlignment(v: unknown) {
    this.setEach("VerticalAlignment", (cell) => (cell.vertical = v));
  }
  get WrapText(): unknown {
    return this.sheet.cell(this.first.firstRow, this.first.firstCol).wrap;
  }
  set WrapText(v: unknown) {
    this.setEach("WrapText", (cell) => (cell.wrap = v));
  }
  get ColumnWidth(): unknown {
    return this.sheet.columnWidths.get(this.first.firstCol);
  }
  set ColumnWidth(v: unknown) {
    this.et.record("Range", "ColumnWidth", "set");
    for (let c = this.first.firstCol; c <= this.first.lastCol; c++) this.sheet.columnWidths.set(c, v);
  }
  get RowHeight(): unknown {
    return this.sheet.rowHeights.get(this.first.firstRow);
  }
  set RowHeight(v: unknown) {
    this.et.record("Range", "RowHeight", "set");
    for (let r = this.first.firstRow; r <= this.first.lastRow; r++) this.sheet.rowHeights.set(r, v);
  }
  get Hidden(): unknown {
    return this.sheet.hiddenColumns.has(this.first.firstCol);
  }
  set Hidden(v: unknown) {
    this.et.record("Range", "Hidden", "set");
    for (let c = this.first.firstCol; c <= this.first.lastCol; c++) if (v) this.sheet.hiddenColumns.add(c);
  }
  private mergeOf(r: number, c: number): Area | undefined {
    return this.sheet.merges.find((m) => r >= m.firstRow && r <= m.lastRow && c >= m.firstCol && c <= m.lastCol);
  }
  get MergeCells(): unknown {
    return this.et.read("Range", "MergeCells", () => {
      const merged = this.all().filter(([r, c]) => this.mergeOf(r, c)).length;
      return merged === 0 ? false : merged === this.all().length ? true : null;
    });
  }
  set MergeCells(v: unknown) {
    if (v) this.Merge();
  }
  get MergeArea(): EtRange {
    const { firstRow, firstCol } = this.first;
    return new FakeRange(this.et, this.sheet, [this.mergeOf(firstRow, firstCol) ?? { firstRow, lastRow: firstRow, firstCol, lastCol: firstCol }]);
  }
  get EntireColumn(): EtRange {
    return new FakeRange(this.et, this.sheet, [{ firstRow: 0, lastRow: 1_048_575, firstCol: this.first.firstCol, lastCol: this.first.lastCol }]);
  }
  get Font(): EtFont {
    const et = this.et;
    const cells = () => this.all().map(([r, c]) => this.sheet.cell(r, c, true));
    const font = (name: "name" | "size" | "bold") => ({
      get: () => this.sheet.cell(this.first.firstRow, this.first.firstCol).font?.[name],
      set: (v: unknown) => {
        et.record("Font", name, "set");
        for (const cell of cells()) cell.font = { ...cell.font, [name]: v };
      },
    });
    return Object.defineProperties({} as EtFont, { Name: font("name"), Size: font("size"), Bold: font("bold") });
  }
  get Borders(): EtBorders {
    const et = this.et;
    const sheet = this.sheet;
    const areas = this.areas;
    const style = { LineStyle: undefined as unknown, Weight: undefined as unknown };
    return {
      get LineStyle() {
        return style.LineStyle;
      },
      set LineStyle(v: unknown) {
        et.record("Borders", "LineStyle", "set");
        style.LineStyle = v;
        sheet.borders.push(...areas);
      },
      get Weight() {
        return style.Weight;
      },
      set Weight(v: unknown) {
        et.record("Borders", "Weight", "set");
        style.Weight = v;
      },
    };
  }
  get Worksheet(): EtWorksheet {
    return this.sheet;
  }
  get Row(): number {
    return this.et.read("Range", "Row", () => this.first.firstRow + 1);
  }
  get Column(): number {
    return this.et.read("Range", "Column", () => this.first.firstCol + 1);
  }
  get Rows(): { Count: number } {
    const count = this.first.lastRow - this.first.firstRow + 1;
    const et = this.et;
    return { get Count() { return et.read("Range", "Rows.Count", () => count); } };
  }
  get Columns(): { Count: number } {
    const count = this.first.lastCol - this.first.firstCol + 1;
    const et = this.et;
    return { get Count() { return et.read("Range", "Columns.Count", () => count); } };
  }
  Address(): string {
    this.et.record("Range", "Address", "get");
    return this.areas.map(absolute).join(",");
  }
  Merge(): void {
    this.et.record("Range", "Merge", "call");
    if (this.et.options.failing?.includes("Merge")) throw new Error("合并失败");
    for (const area of this.areas) {
      if (this.sheet.merges.some((m) => m.firstRow <= area.lastRow && area.firstRow <= m.lastRow && m.firstCol <= area.lastCol && area.firstCol <= m.lastCol)) throw new Error(`不能合并与已合并区域重叠的区域 ${absolute(area)}`);
      this.sheet.merges.push({ ...area });
    }
  }
  ClearContents(): unknown {
    this.et.record("Range", "ClearContents", "call");
    for (const [r, c] of this.all()) {
      const cell = this.sheet.cell(r, c);
      delete cell.value;
      delete cell.formula;
    }
    return true;
  }
  Select(): unknown {
    this.et.record("Range", "Select", "call");
    if (this.et.activeSheet !== this.sheet) throw new Error("只能选择活动工作表上的单元格");
    this.et.selection = this;
    return true;
  }
  /** For the tests: where the range is. */
  describe(): { sheet: string; address: string } {
    return { sheet: this.sheet.name, address: this.areas.map((a) => areaAddress(a)).join(",") };
  }
}

export class FakeName implements EtName {
  constructor(
    private readonly et: FakeEt,
    public name: string,
    public refersTo: string,
  ) {}
  get Name(): string {
    return this.et.read("Name", "Name", () => this.name);
  }
  set Name(v: string) {
    this.name = v;
  }
  get RefersTo(): unknown {
    return this.et.read("Name", "RefersTo", () => this.refersTo);
  }
  set RefersTo(v: unknown) {
    this.refersTo = String(v);
  }
  Delete(): void {
    this.et.record("Name", "Delete", "call");
    this.et.names.splice(this.et.names.indexOf(this), 1);
  }
}

class FakeNames implements EtNames {
  constructor(private readonly et: FakeEt) {}
  get Count(): number {
    return this.et.read("Names", "Count", () => this.et.names.length);
  }
  Item(index: number | string): EtName {
    const name = typeof index === "number" ? this.et.names[index - 1] : this.et.names.find((n) => n.name === index);
    if (!name) throw new Error("下标越界");
    return name;
  }
  /** As Excel: adding an existing name redefines it (recorded, so a test can see an overwrite). */
  Add(name: string, refersTo: string): EtName {
    this.et.record("Names", "Add", "call");
    if (this.et.options.failing?.includes("Names.Add")) throw new Error("Names.Add 不可用");
    const existing = this.et.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
    if (existing) {
      this.et.record("Names", "Redefine", "call");
      existing.refersTo = refersTo;
      return existing;
    }
    const created = new FakeName(this.et, name, refersTo);
    this.et.names.push(created);
    return created;
  }
}
