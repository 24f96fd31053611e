/** The check before the suite: each missing tool is named, and nothing when all are there. */
import { expect, it } from "vitest";
import { missingTools } from "./support/tools-check";

it("names LibreOffice, Chromium and a Chinese font when each is missing, and nothing when all are there", () => {
  const ok = () => ({ status: 0, stdout: "WenQuanYi Zen Hei\n" });
  expect(missingTools(ok as never, () => true)).toEqual([]);
  const noOffice = (cmd: string) => (cmd === "soffice" ? { status: null, stdout: "" } : ok());
  expect(missingTools(noOffice as never, () => true)).toEqual(["LibreOffice（soffice）"]);
  expect(missingTools(ok as never, () => false)).toEqual(["Chromium（/usr/bin/chromium）"]);
  const noFont = (cmd: string) => (cmd === "fc-list" ? { status: 0, stdout: "" } : ok());
  expect(missingTools(noFont as never, () => true)).toEqual(["中文字体"]);
});
