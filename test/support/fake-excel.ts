/**
 * A fake Excel.RequestContext with Office.js semantics, for the reading adapter (pure TypeScript, like
 * fake-et.ts). office-addin-mock cannot serve: it has no ranges, used ranges, names or merges, and it
 * returns a value for a property never loaded. Here:
 * - a property read before `load` and `sync` throws, as Office.js does (PropertyNotLoaded);
 * - blanks read as "", errors as their text with valueTypes "Error", dates as serial numbers;
 * - getUsedRangeOrNullObject(valuesOnly) on a sheet or a range, null objects known after sync;
 * - merged areas only when ExcelApi 1.13 is switched on (otherwise the call does not exist);
 * - names with type and formula, "=#REF!" (type Error) once their sheet is deleted;
 * - sheet visibility; selection and writes recorded;
 * - writes as the adapter makes them: sheets added and deleted, values and formulas (our layouts'
 *   formulas computed when read), merges, names added and deleted, formats, page layout, and the
 *   document settings (`settings`), empty for a workbook made elsewhere.
 * Writes take effect at once; Office.js would queue them until the next sync, which every adapter
 * batch ends with (Excel.run syncs last).
 */
import { areaAddress, parseAreaAddress, quoteSheetName, type Area } from "../../src/core/layout/a1";
import { cellKey } from "../../src/core/layout/read-back";
import { evaluateLayoutFormula, parseAreas, type Scalar } from "./layout-formulas";

/** A cell as the model holds it: a number, text, a boolean, or an error. */
export type FakeCell = number | string | boolean | { error: string } | null;

export interface FakeSheet {
  name: string;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** "row:col" (0-based) → value. */
  cells: Map<string, FakeCell>;
  merges?: Area[];
  /** "row:col" → formula text ("=SUM(…)"); its value is computed when read. */
  formulas?: Map<string, string>;
}

export interface FakeName {
  name: string;
  sheetName: string;
  area: Area;
}

export interface FakeExcelOptions {
  /** ExcelApi 1.13: Range.getMergedAreasOrNullObject exists. */
  mergesApi?: boolean;
}

class NotLoaded extends Error {
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what} was read before load() and sync().`);
  }
}

/** An object whose properties are readable only once loaded and synced. */
class Loadable {
  private requested = new Set<string>();
  private loaded = new Set<string>();
  constructor(
    protected readonly excel: FakeExcel,
    private readonly kind: string,
  ) {
    excel.track(this);
  }
  load(properties: string): this {
    for (const p of properties.split(",")) this.requested.add(p.trim().replace(/^items\//, ""));
    return this;
  }
  /** Called by sync(). */
  settle(): void {
    // isNullObject is known after the sync that follows the call, loaded or not (the *OrNullObject pattern).
    this.loaded.add("isNullObject");
    for (const p of this.requested) this.loaded.add(p);
  }
  protected need(property: string): void {
    if (!this.loaded.has(property)) throw new NotLoaded(`${this.kind}.${property}`);
  }
}

class FakeRange extends Loadable {
  constructor(
    excel: FakeExcel,
    private readonly sheet: FakeSheet,
    readonly area: Area | null,
  ) {
    super(excel, "Range");
  }
  get isNullObject(): boolean {
    this.need("isNullObject");
    return this.area === null;
  }
  private get box(): Area {
    if (!this.area) throw new Error("InvalidObjectPath: the range is a null object.");
    return this.area;
  }
  private grid<T>(cell: (v: FakeCell, row: number, col: number) => T): T[][] {
    const a = this.box;
    return Array.from({ length: a.lastRow - a.firstRow + 1 }, (_, r) =>
      Array.from({ length: a.lastCol - a.firstCol + 1 }, (_, c) => cell(this.excel.valueAt(this.sheet, a.firstRow + r, a.firstCol + c), a.firstRow + r, a.firstCol + c)),
    );
  }
  /** A 2-D array fills the range from its corner (Office.js wants the range's size); a bare value fills every cell. */
  private put(what: string, value: unknown, write: (row: number, col: number, v: unknown) => void): void {
    const a = this.box;
    this.excel.writes.push(`${what} ${this.sheet.name}!${areaAddress(a)}`);
    this.excel.changed();
    for (let r = a.firstRow; r <= a.lastRow; r++)
      for (let c = a.firstCol; c <= a.lastCol; c++) write(r, c, Array.isArray(value) ? (value[r - a.firstRow] as unknown[] | undefined)?.[c - a.firstCol] : value);
  }
  get values(): unknown[][] {
    this.need("values");
    return this.grid((v) => (v === null ? "" : typeof v === "object" ? v.error : v));
  }
  set values(v: unknown[][]) {
    this.put("values", v, (r, c, value) => this.excel.setCell(this.sheet, r, c, value === undefined || value === "" ? null : (value as FakeCell), undefined));
  }
  get formulas(): unknown[][] {
    this.need("formulas");
    return this.grid((v, r, c) => this.sheet.formulas?.get(cellKey(r, c)) ?? (v === null ? "" : typeof v === "object" ? v.error : v));
  }
  set formulas(v: unknown[][]) {
    this.put("formulas", v, (r, c, value) => {
      if (typeof value === "string" && value.startsWith("=")) this.excel.setCell(this.sheet, r, c, null, value);
      else this.excel.setCell(this.sheet, r, c, value === undefined || value === "" ? null : (value as FakeCell), undefined);
    });
  }
  set numberFormat(v: unknown) {
    this.excel.writes.push(`numberFormat ${this.sheet.name}!${areaAddress(this.box)}`);
    void v;
  }
  set columnHidden(v: boolean) {
    this.excel.writes.push(`columnHidden ${this.sheet.name}!${areaAddress(this.box)}`);
    void v;
  }
  /** Fonts, alignment, widths and borders: recorded as one write each, not modelled. */
  get format(): unknown {
    return formatSink(this.excel, `${this.sheet.name}!${areaAddress(this.box)}`);
  }
  merge(across?: boolean): void {
    void across;
    this.excel.writes.push(`merge ${this.sheet.name}!${areaAddress(this.box)}`);
    (this.sheet.merges ??= []).push({ ...this.box });
  }
  get valueTypes(): string[][] {
    this.need("valueTypes");
    return this.grid((v) => (v === null ? "Empty" : typeof v === "object" ? "Error" : typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String"));
  }
  get rowIndex(): number {
    this.need("rowIndex");
    return this.box.firstRow;
  }
  get columnIndex(): number {
    this.need("columnIndex");
    return this.box.firstCol;
  }
  get rowCount(): number {
    this.need("rowCount");
    return this.box.lastRow - this.box.firstRow + 1;
  }
  get columnCount(): number {
    this.need("columnCount");
    return this.box.lastCol - this.box.firstCol + 1;
  }
  get address(): string {
    this.need("address");
    return `${quoteSheetName(this.sheet.name)}!${areaAddress(this.box, true)}`;
  }
  /** The used cells inside this range (values only, as every reader here asks). */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== true) throw new Error("The fake models used ranges of values only (valuesOnly: true).");
    let box: Area | null = null;
    const within = this.area ?? { firstRow: 0, lastRow: 1_048_575, firstCol: 0, lastCol: 16_383 };
    for (const key of new Set([...this.sheet.cells.keys(), ...(this.sheet.formulas?.keys() ?? [])])) {
      const [r, c] = key.split(":").map(Number);
      const v = this.excel.valueAt(this.sheet, r, c);
      // A formula is in use even where its result is "" (the empty-table note under a table with figures).
      if ((v === null || v === "") && !this.sheet.formulas?.has(key)) continue;
      if (r < within.firstRow || r > within.lastRow || c < within.firstCol || c > within.lastCol) continue;
      box = box
        ? { firstRow: Math.min(box.firstRow, r), lastRow: Math.max(box.lastRow, r), firstCol: Math.min(box.firstCol, c), lastCol: Math.max(box.lastCol, c) }
        : { firstRow: r, lastRow: r, firstCol: c, lastCol: c };
    }
    return new FakeRange(this.excel, this.sheet, box);
  }
  /** The sheet this range is on (for names.add). */
  get sheetModel(): FakeSheet {
    return this.sheet;
  }
  getMergedAreasOrNullObject(): FakeMergedAreas {
    if (!this.excel.options.mergesApi) throw new Error("ApiNotFound: getMergedAreasOrNullObject needs ExcelApi 1.13.");
    return new FakeMergedAreas(this.excel, this.sheet);
  }
  select(): void {
    this.excel.writes.push(`select ${this.sheet.name}!${areaAddress(this.box)}`);
    this.excel.selection = { sheet: this.sheet.name, area: this.box };
  }
}

class FakeMergedAreas extends Loadable {
  constructor(
    excel: FakeExcel,
    private readonly sheet: FakeSheet,
  ) {
    super(excel, "RangeAreas");
  }
  get isNullObject(): boolean {
    this.need("isNullObject");
    return (this.sheet.merges ?? []).length === 0;
  }
  get address(): string {
    this.need("address");
    return (this.sheet.merges ?? []).map((m) => `${quoteSheetName(this.sheet.name)}!${areaAddress(m, true)}`).join(",");
  }
}

class FakeWorksheet extends Loadable {
  constructor(
    excel: FakeExcel,
    readonly model: FakeSheet | null,
  ) {
    super(excel, "Worksheet");
  }
  get isNullObject(): boolean {
    this.need("isNullObject");
    return this.model === null;
  }
  get name(): string {
    this.need("name");
    return this.model!.name;
  }
  get visibility(): string {
    this.need("visibility");
    return this.model!.visibility ?? "Visible";
  }
  getRange(address?: string): FakeRange {
    if (address === undefined) return new FakeRange(this.excel, this.model!, null);
    const rows = /^(\d+):(\d+)$/.exec(address);
    const area = rows ? { firstRow: Number(rows[1]) - 1, lastRow: Number(rows[2]) - 1, firstCol: 0, lastCol: 16_383 } : parseAreaAddress(address.replace(/\$/g, ""));
    if (!area) throw new Error(`InvalidArgument: ${address}`);
    return new FakeRange(this.excel, this.model!, area);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    // On a null worksheet (getItemOrNullObject of a sheet not there), Office.js gives a null range.
    if (!this.model) return new FakeRange(this.excel, { name: "", cells: new Map() }, null);
    return new FakeRange(this.excel, this.model, null).getUsedRangeOrNullObject(valuesOnly);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.excel, this.model!, { firstRow: row, lastRow: row + rows - 1, firstCol: col, lastCol: col + cols - 1 });
  }
  /** Several areas ("A1:B2,D4"), for formats only. */
  getRanges(addresses: string): { format: unknown } {
    parseAreas(addresses);
    return { format: formatSink(this.excel, `${this.model!.name}!${addresses}`) };
  }
  /** As loaded: the value of the last sync, not a live one (Office.js proxies hold what was loaded). */
  private loadedPosition = -1;
  override settle(): void {
    super.settle();
    if (this.model) this.loadedPosition = this.excel.sheets.indexOf(this.model);
  }
  /** The sheet's place among the sheets (0-based), as of the last sync; set, the sheet moves there. */
  get position(): number {
    this.need("position");
    return this.loadedPosition;
  }
  set position(at: number) {
    this.excel.writes.push(`position ${this.model!.name}=${at}`);
    const sheets = this.excel.sheets;
    sheets.splice(sheets.indexOf(this.model!), 1);
    sheets.splice(at, 0, this.model!);
  }
  set visibility(value: string) {
    this.excel.writes.push(`visibility ${this.model!.name}=${value}`);
    this.model!.visibility = value as FakeSheet["visibility"];
  }
  get pageLayout(): unknown {
    const where = this.model!.name;
    return new Proxy(
      { setPrintTitleRows: (rows: string) => this.excel.writes.push(`printTitleRows ${where}!${rows}`) },
      {
        set: (target, p, value) => {
          this.excel.writes.push(`pageLayout.${String(p)}=${JSON.stringify(value)} ${where}`);
          return true;
        },
      },
    );
  }
  get freezePanes(): { freezeRows(n: number): void } {
    return { freezeRows: (n) => this.excel.writes.push(`freezeRows ${this.model!.name}=${n}`) };
  }
  activate(): void {
    this.excel.writes.push(`activate ${this.model!.name}`);
    this.excel.activeSheet = this.model!.name;
  }
  delete(): void {
    this.excel.writes.push(`delete ${this.model!.name}`);
    this.excel.deleteSheet(this.model!.name);
  }
}

/** A format object that takes any setting (font, alignment, widths, borders.getItem(edge)…) and records it. */
function formatSink(excel: FakeExcel, where: string): unknown {
  const sink = (path: string): unknown =>
    new Proxy(() => undefined, {
      get: (_, p) => (p === "getItem" ? (edge: string) => sink(`${path}.${edge}`) : sink(`${path}.${String(p)}`)),
      set: (_, p) => {
        excel.writes.push(`format${path}.${String(p)} ${where}`);
        return true;
      },
    });
  return sink("");
}

export class FakeExcel {
  syncs = 0;
  writes: string[] = [];
  selection: { sheet: string; area: Area } | null = null;
  activeSheet: string | null = null;
  /** The document settings (Office.context.document.settings), as saved. */
  readonly settingsStore = new Map<string, unknown>();
  private pending: Loadable[] = [];
  readonly context: Excel.RequestContext;
  /** Formula results, computed once until the next write. */
  private computed = new Map<string, Scalar>();
  private version = 0;
  private computedAt = -1;

  constructor(
    readonly sheets: FakeSheet[],
    readonly names: FakeName[],
    readonly options: FakeExcelOptions = {},
  ) {
    const excel = this;
    const sheetObject = (name: string) => new FakeWorksheet(this, this.sheets.find((s) => s.name === name) ?? null);
    const worksheets = {
      items: [] as FakeWorksheet[],
      load(properties: string) {
        // The items are those of the sync, each loaded with what was asked.
        this.items = excel.sheets.map((s) => new FakeWorksheet(excel, s).load(properties));
        return this;
      },
      getItem(name: string) {
        const sheet = sheetObject(name);
        if (!sheet.model) throw new Error(`ItemNotFound: ${name}`);
        return sheet;
      },
      getItemOrNullObject: sheetObject,
      add(name: string) {
        if (excel.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: ${name}`);
        const model: FakeSheet = { name, cells: new Map(), merges: [], formulas: new Map() };
        excel.sheets.push(model);
        excel.writes.push(`add ${name}`);
        excel.changed();
        return new FakeWorksheet(excel, model);
      },
      getActiveWorksheet() {
        return sheetObject(excel.activeSheet ?? excel.sheets[0]?.name ?? "");
      },
    };
    const nameCollection = {
      items: [] as unknown[],
      load(properties: string) {
        const wanted = properties.split(",").map((p) => p.replace(/^items\//, ""));
        this.items = excel.names.map((n) => {
          const gone = !excel.sheets.some((s) => s.name === n.sheetName);
          const item = {
            name: n.name,
            type: gone ? "Error" : "Range",
            formula: gone ? "=#REF!" : `=${quoteSheetName(n.sheetName)}!${areaAddress(n.area, true)}`,
            delete: () => {
              excel.writes.push(`delete name ${n.name}`);
              excel.names.splice(excel.names.indexOf(n), 1);
            },
          };
          return new Proxy(item, {
            get(target, p) {
              if (p === "delete") return target.delete;
              if (typeof p === "string" && p in target && !wanted.includes(p)) throw new NotLoaded(`NamedItem.${p}`);
              return target[p as keyof typeof target];
            },
          });
        });
        return this;
      },
      add(name: string, range: FakeRange) {
        if (excel.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: ${name}`);
        excel.writes.push(`name ${name}`);
        excel.names.push({ name, sheetName: range.sheetModel.name, area: range.area! });
      },
    };
    const workbook = {
      worksheets,
      names: nameCollection,
      getSelectedRange: () => {
        const at = excel.selection ?? { sheet: excel.activeSheet ?? excel.sheets[0]?.name ?? "", area: { firstRow: 0, lastRow: 0, firstCol: 0, lastCol: 0 } };
        return new FakeRange(excel, excel.sheets.find((s) => s.name === at.sheet)!, at.area);
      },
    };
    this.context = { workbook, sync: () => this.sync() } as unknown as Excel.RequestContext;
  }

  /** Office.context.document.settings over settingsStore: saveAsync always succeeds. */
  get settings(): Office.Settings {
    const store = this.settingsStore;
    return {
      get: (key: string) => store.get(key) ?? null,
      set: (key: string, value: unknown) => void store.set(key, value),
      remove: (key: string) => void store.delete(key),
      saveAsync: (callback?: (result: Office.AsyncResult<void>) => void) => callback?.({ status: Office.AsyncResultStatus.Succeeded } as Office.AsyncResult<void>),
    } as unknown as Office.Settings;
  }

  /** Marks the cells changed: formula results are computed again when next read. */
  changed(): void {
    this.version++;
  }

  setCell(sheet: FakeSheet, row: number, col: number, value: FakeCell, formula: string | undefined): void {
    const key = cellKey(row, col);
    if (value === null) sheet.cells.delete(key);
    else sheet.cells.set(key, value);
    if (formula === undefined) sheet.formulas?.delete(key);
    else (sheet.formulas ??= new Map()).set(key, formula);
    this.changed();
  }

  /** A cell's value as Excel shows it: our layouts' formulas computed from the cells they refer to. */
  valueAt(sheet: FakeSheet, row: number, col: number, depth = 0): FakeCell {
    const key = cellKey(row, col);
    const formula = sheet.formulas?.get(key);
    if (formula === undefined) return sheet.cells.get(key) ?? null;
    if (depth > 50) return { error: "#REF!" };
    if (this.computedAt !== this.version) {
      this.computed.clear();
      this.computedAt = this.version;
    }
    const memo = `${sheet.name}!${key}`;
    if (!this.computed.has(memo)) {
      const value = evaluateLayoutFormula(formula.slice(1), (r, c) => {
        const v = this.valueAt(sheet, r, c, depth + 1);
        return v !== null && typeof v === "object" ? null : v;
      });
      // A formula the fake does not compute (a custom function) shows the value the test gave it.
      this.computed.set(memo, value === undefined ? ((sheet.cells.get(key) as Scalar | undefined) ?? "#NAME?") : value);
    }
    return this.computed.get(memo) ?? null;
  }

  track(object: Loadable): void {
    this.pending.push(object);
  }

  async sync(): Promise<void> {
    this.syncs++;
    for (const o of this.pending) o.settle();
    this.pending = [];
  }

  deleteSheet(name: string): void {
    const i = this.sheets.findIndex((s) => s.name === name);
    if (i >= 0) this.sheets.splice(i, 1);
    this.changed();
  }
}

/** A sheet of the fake from rows of values ("" and null are blank). */
export function fakeSheet(name: string, rows: readonly (readonly unknown[])[], extra: Partial<FakeSheet> = {}): FakeSheet {
  const cells = new Map<string, FakeCell>();
  rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && v !== "" && cells.set(cellKey(r, c), v as FakeCell)));
  return { name, cells, ...extra };
}
