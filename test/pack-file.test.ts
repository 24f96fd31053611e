/**
 * Template packs as data files: the built-in packs load from packs/*.json through the same check as a
 * user's file, the schema is the one the types give, and a broken pack is refused with its JSON path.
 */
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readableJson } from "../src/core/json-text";
import { BUILT_IN_PACKS, addPack, allPacks, findPack } from "../src/core/packs";
import { checkPack, readPackText } from "../src/core/packs/pack-file";
import { PARTIAL_SUBJECTS } from "../src/core/subjects/subject-list";
import { validate } from "../src/core/validation/engine";
import { subjectListRule } from "../src/core/validation/rules-subjects";
import type { TemplatePack } from "../src/core/packs/types";
import { PACK_SCHEMA_PATH, PACK_VALIDATOR_PATH, packSchema, packValidatorSource } from "../scripts/pack-schema";
import { runCli } from "./support/run-cli";

const copyOf = (id: string): any => JSON.parse(readFileSync(`packs/${id}.json`, "utf8"));
const issuesOf = (json: unknown) => {
  const reading = checkPack(json);
  return reading.ok ? [] : reading.issues;
};
const dir = mkdtempSync(join(tmpdir(), "pack-file-"));
const fileOf = (name: string, json: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof json === "string" ? json : readableJson(json));
  return path;
};

describe("built-in packs are data", () => {
  it("every file in packs/ is a built-in pack, passes the schema and its references, and is the pack the product uses", () => {
    const files = readdirSync("packs").filter((f) => f.endsWith(".json"));
    expect(files.sort()).toEqual(BUILT_IN_PACKS.map((p) => `${p.id}.json`).sort());
    for (const pack of BUILT_IN_PACKS) {
      expect(issuesOf(copyOf(pack.id)), pack.id).toEqual([]);
      expect(findPack(pack.id)).toBe(pack);
    }
  });

  it("the committed schema, and its check compiled ahead of time for pages that forbid eval, are generated from the pack types (npm run docs)", () => {
    const schema = packSchema();
    expect(JSON.parse(readFileSync(PACK_SCHEMA_PATH, "utf8"))).toEqual(schema);
    expect(readFileSync(PACK_VALIDATOR_PATH, "utf8")).toBe(packValidatorSource(schema));
  });

  it("no rule, reader or layout code names a province, a pack or a table number", () => {
    // The built-in packs' loaders and registry, the validator generated from the types' documentation, and the
    // narrative generators a pack chooses by name (pack.narrative) are data-bound by design.
    const loaders = BUILT_IN_PACKS.map((p) => `packs/${p.id}.ts`);
    const exempt = new Set([...loaders, "packs/index.ts", "packs/pack-schema-validator.ts", "narrative/generators.ts", "narrative/generate.ts", "narrative/shanghai.ts", "narrative/plan.ts"]);
    const offenders: string[] = [];
    const walk = (folder: string) => {
      for (const entry of readdirSync(join("src/core", folder), { withFileTypes: true })) {
        const rel = folder ? `${folder}/${entry.name}` : entry.name;
        if (exempt.has(rel)) continue;
        if (entry.isDirectory()) walk(rel);
        else if (rel.endsWith(".ts")) {
          // Comments may cite where a rule comes from; code and messages may not depend on it.
          const code = readFileSync(join("src/core", rel), "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
          for (const m of code.matchAll(/["'`](T\d+)["'`]|\b(shanxi|shanghai|jiangsu)\b|(山西|上海|江苏)/g)) offenders.push(`${rel}: ${m[0]}`);
        }
      }
    };
    walk("");
    expect(offenders).toEqual([]);
  });
});

describe("which 科目 list a table's codes belong to", () => {
  it("a pack says it per table: names of 政府预算支出经济分类 codes are checked against that list, not the 部门 one", () => {
    const json = copyOf("shanxi-unit-13");
    const rows = json.tables.find((t: { id: string }) => t.id === "T6").sides[0].body;
    const read = (classification: string) => {
      rows.classification = classification;
      const result = checkPack({ ...json, id: `shanxi-${classification}` });
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      const amounts = { total: 1_000_000, personnel: 1_000_000 };
      const tables = { T6: { rows: [{ code: "505", name: "对事业单位经常性补助", amounts }, { code: "50501", name: "工资福利支出", amounts }, { code: "50502", name: "商品服务支出", amounts: { total: 0 } }] } };
      return validate({ pack: result.pack, unit: { name: "示例单位", department: "", year: 2024, type: "事业单位" }, tables, subjects: PARTIAL_SUBJECTS }, [subjectListRule]).findings.map((f) => `${f.severity} ${f.message}`);
    };
    // Declared as 政府预算支出经济分类: 50501 is known and right, 50502 is printed under another name, 505 is not in the partial list.
    expect(read("government-economic")).toEqual(["info 科目编码 505（对事业单位经常性补助）未知：不在随附的部分科目表中，名称未核对；加载该年度的完整科目表后可核对。", "warning 科目 50502 的名称“商品服务支出”与科目表“商品和服务支出”不同。"]);
    // Declared as the 部门 list, the same codes are all unknown to it: nothing is said of their names.
    expect(read("economic").filter((f) => f.startsWith("warning"))).toEqual([]);
  });
});

describe("a pack file that cannot be used is refused with its JSON path", () => {
  it("schema errors: an unknown column kind, an unknown body kind, a missing field, a wrong type", () => {
    const pack = copyOf("shanghai-unit-9");
    pack.id = "my-pack";
    pack.tables[2].columns[4].kind = "money";
    pack.tables[0].sides[1].body.kind = "rowz";
    delete pack.tables[3].sides[0].body.rows;
    pack.tables[5].landscape = "yes";
    expect(issuesOf(pack)).toEqual([
      { path: "$.tables[0].sides[1].body.kind", message: "种类 \"rowz\" 不认识。" },
      { path: "$.tables[2].columns[4].kind", message: "应为 \"code\"、\"label\"、\"amount\"、\"text\" 之一。" },
      { path: "$.tables[3].sides[0].body.rows", message: "缺少此项。" },
      { path: "$.tables[5].landscape", message: "类型应为：true 或 false（是非值）。" },
    ]);
  });

  it("dangling references: a tie to a table, side, row or column the pack lacks; a header of the wrong width; a sum of a row it lacks", () => {
    const pack = copyOf("shanghai-unit-9");
    pack.ties[0].left.table = "T99";
    pack.ties[1].right.side = "outgo";
    pack.ties[2].left.row = "nowhere";
    pack.ties[3].right.column = "wages";
    pack.tables[1].header[0].push("多一格");
    pack.tables[0].sides[0].footer[0].sumOf.push("grants");
    pack.narrativeClaims[0].pattern = "收入预算万元";
    pack.narrativeSections[1].heading = "“三公”经费(";
    pack.narrativeSections[1].items[2].figure.column = "cars";
    expect(issuesOf(pack)).toEqual([
      { path: "$.tables[0].sides[0].footer[0].sumOf[4]", message: "这一侧没有行 grants。" },
      { path: "$.tables[1].header[0]", message: "表头这一行有 11 格，而栏目有 10 个。" },
      { path: "$.ties[0].left.table", message: "模板包中没有表 T99。" },
      { path: "$.ties[1].right.side", message: "表 T4 没有“outgo”这一侧（有：income、expenditure）。" },
      { path: "$.ties[2].left.row", message: "表 T1 的“income”一侧没有行 nowhere。" },
      { path: "$.ties[3].right.column", message: "表 T2 的“rows”一侧没有金额栏目 wages。" },
      { path: "$.narrativeClaims[0].pattern", message: "正则表达式中没有括号分组：第一个分组应是以万元计的金额。" },
      { path: "$.narrativeSections[1].heading", message: "不是有效的正则表达式。" },
      { path: "$.narrativeSections[1].items[2].figure.column", message: "表 T9 的“rows”一侧没有金额栏目 cars。" },
    ]);
  });

  it("dangling references of grouped and nested rows, and a sum of rows where only an equality may use it", () => {
    const pack = copyOf("jiangsu-dept-12");
    pack.tables[1].sides[0].groupColumn = "section";
    pack.tables[11].sides[0].body.levelColumns = ["project", "category"];
    const tie = pack.ties.findIndex((t: { right: { row: string } }) => t.right.row === "*body");
    pack.ties[tie].relation = "le";
    expect(issuesOf(pack)).toEqual([
      { path: "$.tables[1].sides[0].groupColumn", message: "栏目 section 不在这一侧的栏目中。" },
      { path: "$.tables[11].sides[0].body.levelColumns[0]", message: "第一级应是名称栏目 category。" },
      { path: `$.ties[${tie}].right.row`, message: "各行之和（*body）只能用于相等关系。" },
    ]);
  });

  it("the narrative's sheets: a part on a table's sheet, the same sheet twice, a part with no heading", () => {
    const pack = copyOf("shanghai-unit-9");
    pack.narrativeParts = [
      { sheetName: pack.tables[2].sheetName, heading: "其他相关情况说明" },
      { sheetName: "单位编制说明", heading: "名词解释" },
      { sheetName: "附注", heading: " " },
    ];
    expect(issuesOf(pack)).toEqual([
      { path: "$.narrativeParts[0].sheetName", message: `“${pack.tables[2].sheetName}”是表格的工作表，不能用来放说明。` },
      { path: "$.narrativeParts[1].sheetName", message: "说明的工作表“单位编制说明”重复。" },
      { path: "$.narrativeParts[2].heading", message: "说明分页的开头标题不能为空。" },
    ]);
  });

  it("text that is not JSON, and a pack that reuses a built-in pack's id", () => {
    expect(readPackText("{ id: 1 ")).toMatchObject({ ok: false, issues: [{ path: "$" }] });
    const reading = checkPack(copyOf("shanghai-unit-9"));
    expect(reading.ok).toBe(true);
    expect(addPack((reading as { pack: TemplatePack }).pack)).toEqual({ ok: false, message: expect.stringContaining("与内置模板包相同") });
  });
});

describe("--pack-file and budget-tables packs", () => {
  it("lists the built-in packs and a given one with its tables, and forgets the given one after the run", async () => {
    const pack = copyOf("shanghai-unit-9");
    pack.id = "district-copy";
    pack.name = "某区 单位预算公开";
    const run = await runCli("packs", "--pack-file", fileOf("copy.json", pack));
    expect(run.code).toBe(0);
    expect(run.out).toContain("district-copy（某区 单位预算公开，文件）：9 张表");
    for (const builtIn of BUILT_IN_PACKS) expect(run.out).toContain(`${builtIn.id}（${builtIn.name}，内置）`);
    expect(allPacks().map((p) => p.id)).toEqual(BUILT_IN_PACKS.map((p) => p.id));
    const json = JSON.parse((await runCli("packs", "--format", "json")).out);
    expect(json.packs.map((p: { id: string }) => p.id)).toEqual(BUILT_IN_PACKS.map((p) => p.id));
  });

  it("a pack kept in the workbook (WPS's YS_设置 sheet) is the one the command line reads it with, and is forgotten after", async () => {
    const { validateCells } = await import("../src/cli/validate-workbook");
    const { encodeSettings, SETTINGS_SHEET } = await import("../src/core/settings-sheet");
    const { PACK_SETTING } = await import("../src/core/document-settings");
    const { readDataFile } = await import("../src/core/data-format");
    const { cellsOf, plainSheets, textSheet } = await import("./support/foreign-workbooks");
    const read = readDataFile(JSON.parse(readFileSync("examples/jiangsu-example-2019.json", "utf8")));
    if (!read.ok) throw new Error("example");
    const pack = copyOf("jiangsu-dept-12");
    pack.id = "district-dept-12";
    const settings = textSheet(SETTINGS_SHEET, encodeSettings(new Map([[PACK_SETTING, JSON.stringify(pack)]])));
    const sheets = plainSheets(read.disclosure);
    expect(validateCells(cellsOf([...sheets, settings]), { year: 2019 }).reading.pack?.id).toBe("district-dept-12");
    expect(validateCells(cellsOf(sheets), { year: 2019 }).reading.pack?.id).toBe("jiangsu-dept-12");
    expect(allPacks()).toEqual(BUILT_IN_PACKS);
  });

  it("a pack kept by the Excel add-in (document settings saved in the .xlsx) is read by the command line too", async () => {
    const { validateFile } = await import("../src/cli/validate-files");
    const { PACK_SETTING } = await import("../src/core/document-settings");
    const { readDataFile } = await import("../src/core/data-format");
    const { plainSheets } = await import("./support/foreign-workbooks");
    const { modelFile } = await import("./support/book-model");
    const read = readDataFile(JSON.parse(readFileSync("examples/jiangsu-example-2019.json", "utf8")));
    if (!read.ok) throw new Error("example");
    const pack = copyOf("jiangsu-dept-12");
    pack.id = "district-dept-12";
    pack.name = "某区 部门预算公开（12张表）";
    const sheets = plainSheets(read.disclosure).map(({ name, rows, merges }) => ({ name, rows, merges }));
    const kept = await validateFile(modelFile({ sheets, names: [], documentSettings: new Map([[PACK_SETTING, JSON.stringify(pack)]]) }, "xlsx"), { year: 2019 });
    expect(kept.packName).toBe("某区 部门预算公开（12张表）");
    expect((await validateFile(modelFile({ sheets, names: [] }, "xlsx"), { year: 2019 })).packName).toBe(BUILT_IN_PACKS.find((p) => p.id === "jiangsu-dept-12")!.name);
    expect(allPacks()).toEqual(BUILT_IN_PACKS);
  });

  it("a broken pack file stops every command with exit 2 and names the JSON path; a missing one says so", async () => {
    const pack = copyOf("shanghai-unit-9");
    pack.id = "broken";
    pack.ties[0].left.row = "nowhere";
    const path = fileOf("broken.json", pack);
    for (const command of [["packs"], ["validate", "examples/xinzhou-2024.json"], ["generate", "-o", join(dir, "x.xlsx")]]) {
      const run = await runCli(...command, "--pack-file", path);
      expect(run.code, command[0]).toBe(2);
      expect(run.err).toContain("$.ties[0].left.row：表 T1 的“income”一侧没有行 nowhere。");
    }
    const missing = await runCli("packs", "--pack-file", join(dir, "none.json"));
    expect(missing).toMatchObject({ code: 2, err: expect.stringContaining("文件不存在") });
  });
});
