/**
 * A fake Excel.RequestContext with Office.js semantics, for the reading adapter (pure TypeScript, like
 * fake-et.ts). office-addin-mock cannot serve: it has no ranges, used ranges, names or merges, and it
 * returns a value for a property never loaded. Here:
 * - a property read before `load` and `sync` throws, as Office.js does (PropertyNotLoaded);
 * - blanks read as "", errors as their text with valueTypes "Error", dates as serial numbers;
 * - getUsedRangeOrNullObject(valuesOnly) on a sheet or a range, null objects known after sync;
 * - merged areas only when ExcelApi 1.13 is switched on (otherwise the call does not exist);
 * - names with type and formula, "=#REF!" (type Error) once their sheet is deleted;
 * - sheet visibility; selection and writes recorded.
 */
import { areaAddress, parseAreaAddress, quoteSheetName, type Area } from "../../src/core/layout/a1";
import { cellKey } from "../../src/core/layout/read-back";

/** A cell as the model holds it: a number, text, a boolean, or an error. */
export type FakeCell = number | string | boolean | { error: string } | null;

export interface FakeSheet {
  name: string;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** "row:col" (0-based) → value. */
  cells: Map<string, FakeCell>;
  merges?: Area[];
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
  private grid<T>(cell: (v: FakeCell) => T): T[][] {
    const a = this.box;
    return Array.from({ length: a.lastRow - a.firstRow + 1 }, (_, r) =>
      Array.from({ length: a.lastCol - a.firstCol + 1 }, (_, c) => cell(this.sheet.cells.get(cellKey(a.firstRow + r, a.firstCol + c)) ?? null)),
    );
  }
  get values(): unknown[][] {
    this.need("values");
    return this.grid((v) => (v === null ? "" : typeof v === "object" ? v.error : v));
  }
  set values(v: unknown[][]) {
    this.excel.writes.push(`values ${this.sheet.name}!${areaAddress(this.box)}`);
    void v;
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
    for (const [key, v] of this.sheet.cells) {
      if (v === null || v === "") continue;
      const [r, c] = key.split(":").map(Number);
      if (r < within.firstRow || r > within.lastRow || c < within.firstCol || c > within.lastCol) continue;
      box = box
        ? { firstRow: Math.min(box.firstRow, r), lastRow: Math.max(box.lastRow, r), firstCol: Math.min(box.firstCol, c), lastCol: Math.max(box.lastCol, c) }
        : { firstRow: r, lastRow: r, firstCol: c, lastCol: c };
    }
    return new FakeRange(this.excel, this.sheet, box);
  }
  getMergedAreasOrNullObject(): FakeMergedAreas {
    if (!this.excel.options.mergesApi) throw new Error("ApiNotFound: getMergedAreasOrNullObject needs ExcelApi 1.13.");
    return new FakeMergedAreas(this.excel, this.sheet);
  }
  select(): void {
    this.excel.writes.push(`select ${this.sheet.name}!${areaAddress(this.box)}`);
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
    return new FakeRange(this.excel, this.model!, null).getUsedRangeOrNullObject(valuesOnly);
  }
  activate(): void {
    this.excel.writes.push(`activate ${this.model!.name}`);
  }
}

export class FakeExcel {
  syncs = 0;
  writes: string[] = [];
  private pending: Loadable[] = [];
  readonly context: Excel.RequestContext;

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
    };
    const nameCollection = {
      items: [] as unknown[],
      load(properties: string) {
        const wanted = properties.split(",").map((p) => p.replace(/^items\//, ""));
        this.items = excel.names.map((n) => {
          const gone = !excel.sheets.some((s) => s.name === n.sheetName);
          const item = { name: n.name, type: gone ? "Error" : "Range", formula: gone ? "=#REF!" : `=${quoteSheetName(n.sheetName)}!${areaAddress(n.area, true)}` };
          return new Proxy(item, {
            get(target, p) {
              if (typeof p === "string" && p in target && !wanted.includes(p)) throw new NotLoaded(`NamedItem.${p}`);
              return target[p as keyof typeof target];
            },
          });
        });
        return this;
      },
      add(name: string, range: FakeRange) {
        excel.writes.push(`name ${name}`);
        excel.names.push({ name, sheetName: (range as unknown as { sheet: FakeSheet }).sheet.name, area: range.area! });
      },
    };
    this.context = { workbook: { worksheets, names: nameCollection }, sync: () => this.sync() } as unknown as Excel.RequestContext;
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
  }
}

/** A sheet of the fake from rows of values ("" and null are blank). */
export function fakeSheet(name: string, rows: readonly (readonly unknown[])[], extra: Partial<FakeSheet> = {}): FakeSheet {
  const cells = new Map<string, FakeCell>();
  rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && v !== "" && cells.set(cellKey(r, c), v as FakeCell)));
  return { name, cells, ...extra };
}
