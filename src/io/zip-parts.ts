/** The parts of a zip package (.xlsx, .ods) as text-bearing entries, unzipped with fflate. */
import { unzipSync } from "fflate";
import type { WorkbookParts } from "./workbook-parts";

/** Entries no reader here looks at: pictures, printer settings, macros, embedded objects. */
const UNREAD_ENTRY = /\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|bin|vml|wdp|svg)$/i;

/** Whether a reader here looks at a zip entry. */
export const isReadEntry = (name: string): boolean => !UNREAD_ENTRY.test(name);

/** A zip's XML parts by path; null when the bytes are not a zip fflate can read (the caller's reader then says why). */
export function zipParts(bytes: Uint8Array): WorkbookParts | null {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (entry) => isReadEntry(entry.name) });
  } catch {
    return null;
  }
  const parts: WorkbookParts = {};
  for (const [path, content] of Object.entries(entries)) parts[path.replace(/^\//, "")] = { content };
  return parts;
}
