import { describe, expect, it } from "vitest";
import { loadExample } from "./support/reference";
import { roundTripWorkbook, validateAsFile } from "./support/workbooks";

const example = loadExample();

describe("validating the reference workbook", async () => {
  const workbook = await roundTripWorkbook(example);
  const { report, reading } = await validateAsFile(workbook, { type: example.unit.type, department: example.unit.department });

  it("reads every table back", () => {
    expect(Object.keys(reading.places)).toHaveLength(13);
    expect(reading.problems).toEqual([]);
  });

  it("finds no error and no warning", () => {
    const serious = report.findings.filter((f) => f.severity !== "info");
    expect(serious).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it("reports exactly the reference's real rounding differences", () => {
    const infos = report.findings.filter((f) => f.severity === "info").map((f) => `${f.tableId} ${f.cell} ${f.ruleId}`);
    expect(infos.sort()).toEqual(
      [
        // 20805 行政事业单位养老支出: 1.44 + 6.43 printed as 7.88, in each table and column that carries it.
        "T2 C10 subject-hierarchy",
        "T2 D10 subject-hierarchy",
        "T3 C10 subject-hierarchy",
        "T3 D10 subject-hierarchy",
        "T5 C10 subject-hierarchy",
        "T5 D10 subject-hierarchy",
        // 表六: 工资福利支出 and 商品和服务支出, items add to 0.01 less than the group.
        "T6 D7 subject-hierarchy",
        "T6 E7 subject-hierarchy",
        "T6 D15 subject-hierarchy",
        "T6 F15 subject-hierarchy",
      ].sort(),
    );
    const t3 = report.findings.find((f) => f.tableId === "T3" && f.cell === "C10")!;
    expect(t3.message).toContain("7.88 ∈ [7.875, 7.885]");
    expect(t3.message).toContain("7.87 ∈ [7.86, 7.88]");
  });
});
