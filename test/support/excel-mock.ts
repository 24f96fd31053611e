/**
 * An office-addin-mock Excel context for the adapter tests. Objects that Office.js
 * would create (sheets, ranges, names) are pre-seeded and returned by the mocked
 * factory methods, which record what was asked of them.
 */
import { OfficeMockObject } from "office-addin-mock";

export interface RecordedSheet {
  name: string;
  formulas?: unknown[][];
  numberFormat?: unknown[][];
  merges: string[];
  rangeAreas: string[];
}

export function createExcelMock(existingSheetNames: string[]) {
  const recorded = {
    sheets: [] as RecordedSheet[],
    names: [] as { name: string; address: string }[],
    removedOrChanged: [] as string[],
  };
  let current: RecordedSheet | null = null;

  const rangeData = () => ({
    address: "",
    formulas: "",
    numberFormat: "",
    columnHidden: false,
    format: {
      font: { name: "", size: 0, bold: false },
      horizontalAlignment: "",
      verticalAlignment: "",
      wrapText: false,
      columnWidth: 0,
      rowHeight: 0,
      borders: { getItem: function () { return this.border; }, border: { style: "", weight: "" } },
    },
    merge: function () {
      current?.merges.push(this.address);
    },
  });

  const mockData = {
    workbook: {
      worksheets: {
        // Arrays are scalars to office-addin-mock, so "items/name" cannot be loaded through it:
        // load() hands out the existing sheets, which record any change made to them.
        load: function (this: { items?: unknown[] }) {
          this.items = existingSheetNames.map((name) => ({
            name,
            delete: () => recorded.removedOrChanged.push(name),
            getRange: () => recorded.removedOrChanged.push(name),
          }));
        },
        sheet: {
          visibility: "Visible",
          range: rangeData(),
          rangeAreas: rangeData(),
          pageLayout: { orientation: "", paperSize: "", centerHorizontally: false, zoom: {}, setPrintTitleRows: function () {} },
          freezePanes: { freezeRows: function () {} },
          getRangeByIndexes: function () {
            return this.range;
          },
          getRange: function (address: string) {
            this.range.address = address;
            return this.range;
          },
          getRanges: function (address: string) {
            current?.rangeAreas.push(address);
            return this.rangeAreas;
          },
        },
        getItemOrNullObject: function (name: string) {
          return existingSheetNames.includes(name) ? { isNullObject: false, getRange: (address: string) => ({ set values(v: unknown) { recorded.removedOrChanged.push(`${name}!${address}=${JSON.stringify(v)}`); } }) } : { isNullObject: true };
        },
        add: function (name: string) {
          current = { name, merges: [], rangeAreas: [] };
          recorded.sheets.push(current);
          return this.sheet;
        },
      },
      names: {
        load: function (this: { items?: unknown[] }) {
          this.items = recorded.names.map((n) => ({ name: n.name }));
        },
        add: function (name: string, range: { address: string }) {
          recorded.names.push({ name, address: range.address });
        },
      },
    },
  };
  const context = new OfficeMockObject(mockData) as unknown as Excel.RequestContext & { sync: () => Promise<void> };
  return { context, recorded, current: () => current };
}
