/// <reference types="et-jsapi-declare" />
/**
 * The part of WPS 表格's ET object model (VBA-shaped, synchronous, 1-based) that the WPS face uses.
 * Narrow on purpose: the fake in the tests implements exactly this, and the checks at the end prove
 * that the declared API (et-jsapi-declare) has every member with a compatible type.
 */

export interface EtFont {
  Name: unknown;
  Size: unknown;
  Bold: unknown;
}

export interface EtBorders {
  LineStyle: unknown;
  Weight: unknown;
}

export interface EtRange {
  /** Values: a 2-D array for several cells, a bare value for one. */
  Value2: unknown;
  /** Formulas (with "="), or the value where a cell has none; writable as a 2-D array. */
  Formula: unknown;
  NumberFormat: unknown;
  HorizontalAlignment: unknown;
  VerticalAlignment: unknown;
  WrapText: unknown;
  /** In characters of the standard font (not points, unlike Office.js). */
  ColumnWidth: unknown;
  RowHeight: unknown;
  Hidden: unknown;
  /** true, false, or null where only some cells are merged. */
  MergeCells: unknown;
  readonly MergeArea: EtRange;
  readonly EntireColumn: EtRange;
  readonly Font: EtFont;
  readonly Borders: EtBorders;
  readonly Worksheet: EtWorksheet;
  /** 1-based. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  /** A method in the declarations ($A$1:$B$2); some builds expose a property: read it through `get`. */
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string;
  Merge(Across?: boolean): void;
  ClearContents(): unknown;
  Select(): unknown;
}

export interface EtPageSetup {
  Orientation: unknown;
  PaperSize: unknown;
  CenterHorizontally: boolean;
  Zoom: unknown;
  FitToPagesWide: unknown;
  FitToPagesTall: unknown;
  PrintTitleRows: string;
}

export interface EtWorksheet {
  Name: string;
  /** xlSheetVisible -1, xlSheetHidden 0, xlSheetVeryHidden 2. */
  Visible: unknown;
  Range(Cell1: string): EtRange;
  readonly UsedRange: EtRange;
  readonly PageSetup: EtPageSetup;
  Activate(): void;
  Delete(): void;
  /** 1-based position among the sheets (checked after Add: some builds ignore the position asked for). */
  readonly Index?: number;
  Move?(Before?: EtWorksheet, After?: EtWorksheet): void;
}

export interface EtSheets {
  readonly Count: number;
  /** 1-based index, or a sheet name. */
  Item(Index: number | string): EtWorksheet;
  /** A new sheet before or after the one given. */
  Add(Before?: EtWorksheet, After?: EtWorksheet): EtWorksheet;
}

export interface EtName {
  Name: string;
  /** "='表三 支出总表'!$A$6:$E$20", or with #REF! once its sheet is deleted. */
  RefersTo: unknown;
  Delete(): void;
}

export interface EtNames {
  readonly Count: number;
  Item(Index: number | string): EtName;
  Add(Name: string, RefersTo: string): EtName;
}

export interface EtWorkbook {
  readonly Worksheets: EtSheets;
  readonly Names: EtNames;
  /** Closes the workbook; SaveChanges false discards it (the self-test's scratch workbook). */
  Close?(SaveChanges?: boolean): void;
  Activate?(): void;
}

/** The open workbooks: the self-test adds a scratch one, never writing in the accountant's. */
export interface EtWorkbooks {
  readonly Count: number;
  Add(): EtWorkbook;
}

export interface EtWindow {
  SplitRow: number;
  SplitColumn: number;
  FreezePanes: boolean;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook;
  /** The sheet shown (null when no workbook is open). */
  readonly ActiveSheet: EtWorksheet | null;
  readonly ActiveWindow: EtWindow;
  /** The selected cells (a Range when cells are selected). */
  readonly Selection: unknown;
  ScreenUpdating: boolean;
  DisplayAlerts: boolean;
  readonly Workbooks?: EtWorkbooks;
  /** "12.1.0.20540"-like; the self-test reports it. */
  readonly Version?: string;
  readonly Build?: number;
}

/** WPS's add-in root: PluginStorage shared by the add-in's pages (not saved with the file), task panes. */
export interface WpsAddinRoot {
  readonly PluginStorage: { setItem(key: string, value: string): void; getItem(key: string): string | null | undefined };
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: number): WpsTaskPane | null | undefined;
}

export interface WpsTaskPane {
  readonly ID: number;
  Visible: boolean;
  Width: number;
}

// Constants of the declared enums (the enums themselves exist only as types).
export const SHEET_VISIBLE: Et.XlSheetVisibility = -1;
export const SHEET_VERY_HIDDEN: Et.XlSheetVisibility = 2;
export const ALIGN_CENTER: Kso.XlHAlign = -4108;
export const ALIGN_LEFT: Kso.XlHAlign = -4131;
export const ALIGN_RIGHT: Kso.XlHAlign = -4152;
export const LINE_CONTINUOUS: Et.XlLineStyle = 1;
export const BORDER_THIN: Kso.XlBorderWeight = 2;
export const PORTRAIT: Et.XlPageOrientation = 1;
export const LANDSCAPE: Et.XlPageOrientation = 2;
export const PAPER_A4: Et.XlPaperSize = 9;

// Checked against the declarations: each declared interface must be usable as ours.
type UsableAs<Declared, Ours> = Declared extends Ours ? true : never;
export const DECLARED_API_CHECKS: readonly true[] = [
  true satisfies UsableAs<Et.Range, EtRange>,
  true satisfies UsableAs<Et.PageSetup, EtPageSetup>,
  true satisfies UsableAs<Omit<Et.Worksheet, "Range">, Omit<EtWorksheet, "Range">>,
  // Declared Item and Add widen to Worksheet | Sheets (an array index gives Sheets); a name or number gives one sheet.
  true satisfies UsableAs<Omit<Et.Sheets, "Item" | "Add">, Omit<EtSheets, "Item" | "Add">>,
  true satisfies UsableAs<Et.Name, EtName>,
  true satisfies UsableAs<Et.Names, EtNames>,
  true satisfies UsableAs<Et.Window, EtWindow>,
  true satisfies UsableAs<Pick<Et.Application, "ActiveWindow" | "ActiveSheet" | "Selection" | "ScreenUpdating" | "DisplayAlerts" | "Version" | "Build">, Omit<EtApplication, "ActiveWorkbook" | "Workbooks">>,
  true satisfies UsableAs<Pick<Et.Workbooks, "Count">, Omit<EtWorkbooks, "Add">>,
  true satisfies UsableAs<Pick<Et.Workbook, "Close" | "Activate">, Pick<EtWorkbook, "Close" | "Activate">>,
];
