/**
 * The document settings an Office add-in keeps in an .xlsx (Office.context.document.settings): Excel
 * saves them as the properties of the add-in's web extension part (xl/webextensions/webextension1.xml,
 * <we:property name="…" value="…"/>), each value written as JSON. Only our own settings (ys.…) are
 * taken, whichever add-in part holds them.
 */
import { DOMParser } from "@xmldom/xmldom";
import { isOurSetting } from "../core/document-settings";
import type { WorkbookParts } from "./workbook-parts";
import { utf8 } from "./text-of-bytes";

/** Our settings kept by the Excel add-in in the file's web extension parts; null where there are none. */
export function officeSettingsOfFile(files: WorkbookParts | undefined): Map<string, unknown> | null {
  const settings = new Map<string, unknown>();
  for (const [path, file] of Object.entries(files ?? {})) {
    if (!/(^|\/)webextensions\/webextension\d*\.xml$/i.test(path) || !file.content) continue;
    const document = new DOMParser({ errorHandler: () => undefined }).parseFromString(utf8(file.content), "text/xml");
    const properties = document.getElementsByTagNameNS("*", "property");
    for (let i = 0; i < properties.length; i++) {
      const name = properties[i].getAttribute("name") ?? "";
      if (!isOurSetting(name)) continue;
      settings.set(name, parsedValue(properties[i].getAttribute("value") ?? ""));
    }
  }
  return settings.size > 0 ? settings : null;
}

/** The settings as a field of the workbook's cells, to spread into them (none where there are none). */
export function documentSettingsField(files: WorkbookParts | undefined): { documentSettings?: Map<string, unknown> } {
  const documentSettings = officeSettingsOfFile(files);
  return documentSettings ? { documentSettings } : {};
}

/** A property's value as Office wrote it (JSON); a value that is not JSON is kept as its text. */
function parsedValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
