import { aCheck, aFinding, aHugeReport, aReport } from "../../test/support/report-builders.js";
import { renderSarif, type SarifLog } from "./sarif.js";

/**
 * The parts of the SARIF 2.1.0 schema that consumers (GitHub code scanning among them) rely on:
 * required properties, enums and cross-references. Returns the problems found, empty when valid.
 */
function sarifProblems(doc: unknown): string[] {
  const problems: string[] = [];
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isObject(doc)) return ["log is not an object"];
  if (doc.version !== "2.1.0") problems.push("version must be 2.1.0");
  if (typeof doc.$schema !== "string" || !doc.$schema.includes("sarif-2.1.0")) problems.push("$schema must name sarif-2.1.0");
  if (!Array.isArray(doc.runs)) return [...problems, "runs must be an array"];
  for (const run of doc.runs as unknown[]) {
    if (!isObject(run) || !isObject(run.tool) || !isObject(run.tool.driver)) {
      problems.push("run.tool.driver is required");
      continue;
    }
    const driver = run.tool.driver;
    if (typeof driver.name !== "string" || !driver.name) problems.push("driver.name is required");
    if (driver.informationUri !== undefined && !/^https?:\/\//.test(String(driver.informationUri)))
      problems.push("informationUri must be an absolute URI");
    const rules = (driver.rules ?? []) as unknown[];
    if (!Array.isArray(rules)) problems.push("driver.rules must be an array");
    const ruleIds = rules.map((r) => (isObject(r) ? r.id : undefined));
    rules.forEach((r, i) => {
      if (!isObject(r) || typeof r.id !== "string") problems.push(`rules[${i}].id is required`);
      else if (!isObject(r.shortDescription) || typeof r.shortDescription.text !== "string")
        problems.push(`rules[${i}].shortDescription.text is required`);
    });
    if (new Set(ruleIds).size !== ruleIds.length) problems.push("rule ids must be unique");
    if (!Array.isArray(run.results)) {
      problems.push("run.results must be an array");
      continue;
    }
    (run.results as unknown[]).forEach((r, i) => {
      if (!isObject(r)) return problems.push(`results[${i}] is not an object`);
      if (!isObject(r.message) || typeof r.message.text !== "string" || !r.message.text)
        problems.push(`results[${i}].message.text is required`);
      if (!["none", "note", "warning", "error"].includes(String(r.level))) problems.push(`results[${i}].level is invalid`);
      if (typeof r.ruleIndex === "number" && ruleIds[r.ruleIndex] !== r.ruleId)
        problems.push(`results[${i}].ruleIndex does not point at its rule`);
      if (!ruleIds.includes(r.ruleId)) problems.push(`results[${i}].ruleId is not a rule`);
      for (const loc of (r.locations ?? []) as unknown[]) {
        const physical = isObject(loc) ? loc.physicalLocation : undefined;
        if (!isObject(physical) || !isObject(physical.artifactLocation) || typeof physical.artifactLocation.uri !== "string") {
          problems.push(`results[${i}] location needs physicalLocation.artifactLocation.uri`);
          continue;
        }
        try {
          new URL(physical.artifactLocation.uri, "file:///root/");
        } catch {
          problems.push(`results[${i}] uri is not a URI reference`);
        }
        const region = physical.region;
        if (region !== undefined) {
          if (!isObject(region) || !Number.isInteger(region.startLine) || (region.startLine as number) < 1)
            problems.push(`results[${i}] region.startLine must be >= 1`);
          if (
            isObject(region) &&
            region.startColumn !== undefined &&
            (!Number.isInteger(region.startColumn) || (region.startColumn as number) < 1)
          ) {
            problems.push(`results[${i}] region.startColumn must be >= 1`);
          }
        }
      }
    });
  }
  return problems;
}

describe("renderSarif", () => {
  const report = aReport({
    checks: [
      aCheck("naming", [
        aFinding({ rule: "generic-name", message: "Generic name", file: "prisma/migrations/a b/migration.sql", line: 3, column: 5 }),
        aFinding({ rule: "generic-name", message: "Another", severity: "warning", file: "prisma/migrations/c#1/migration.sql" }),
      ]),
      aCheck("history", [aFinding({ rule: "edited-migration", message: "Edited", severity: "notice", file: undefined, line: undefined })]),
      aCheck("lint", [aFinding({ rule: "generic-name", message: "Lint also uses this id", severity: "warning", line: 0 })]),
    ],
  });

  it("produces a valid SARIF 2.1.0 log with one run", () => {
    const sarif = renderSarif(report, { toolVersion: "0.1.0" });
    expect(sarifProblems(JSON.parse(JSON.stringify(sarif)))).toEqual([]);
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0].tool.driver).toMatchObject({ name: "migrate-guard", version: "0.1.0", semanticVersion: "0.1.0" });
    expect(sarif.runs[0].tool.driver.informationUri).toMatch(/^https:\/\//);
  });

  it("derives one rule per distinct rule id with a short description and its most severe level", () => {
    const { rules } = renderSarif(report, { toolVersion: "0.1.0" }).runs[0].tool.driver;
    expect(rules.map((r) => r.id)).toEqual(["generic-name", "edited-migration"]);
    expect(rules[0]).toMatchObject({
      shortDescription: { text: "Generic name (naming check)" },
      defaultConfiguration: { level: "error" },
      properties: { checks: ["naming", "lint"] },
    });
    expect(rules[1]).toMatchObject({ defaultConfiguration: { level: "note" } });
  });

  it("maps findings to results with levels, messages and locations", () => {
    const { results } = renderSarif(report, { toolVersion: "0.1.0" }).runs[0];
    expect(results).toHaveLength(4);
    expect(results[0]).toEqual({
      ruleId: "generic-name",
      ruleIndex: 0,
      level: "error",
      message: { text: "Generic name" },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: "prisma/migrations/a%20b/migration.sql", uriBaseId: "%SRCROOT%" },
            region: { startLine: 3, startColumn: 5 },
          },
        },
      ],
      properties: { check: "naming" },
    });
    // Line given by the builder (1), no column; `#` encoded so it is not read as a fragment.
    expect(results[1]!.level).toBe("warning");
    expect(results[1]!.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: "prisma/migrations/c%231/migration.sql", uriBaseId: "%SRCROOT%" },
      region: { startLine: 1 },
    });
    // No file: still a result, with no location.
    expect(results[2]).toMatchObject({ ruleId: "edited-migration", ruleIndex: 1, level: "note", message: { text: "Edited" } });
    expect(results[2]!.locations).toBeUndefined();
    // An invalid line (0) is dropped rather than emitted as an invalid region.
    expect(results[3]!.locations![0]!.physicalLocation.region).toBeUndefined();
  });

  it("anchors file-less findings at fallbackUri without a region when asked", () => {
    const { results } = renderSarif(report, { toolVersion: "0.1.0", fallbackUri: "prisma/schema.prisma" }).runs[0];
    expect(results[2]!.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: "prisma/schema.prisma", uriBaseId: "%SRCROOT%" } } },
    ]);
  });

  it("handles an empty report and a non-semver version", () => {
    const sarif: SarifLog = renderSarif(aReport(), { toolVersion: "main-abc123", informationUri: "https://example.org/mg" });
    expect(sarifProblems(sarif)).toEqual([]);
    expect(sarif.runs[0].results).toEqual([]);
    expect(sarif.runs[0].tool.driver.rules).toEqual([]);
    expect(sarif.runs[0].tool.driver).not.toHaveProperty("semanticVersion");
    expect(sarif.runs[0].tool.driver.informationUri).toBe("https://example.org/mg");
  });

  it("keeps every finding of a huge report", () => {
    const sarif = renderSarif(aHugeReport(), { toolVersion: "1.2.3" });
    expect(sarifProblems(sarif)).toEqual([]);
    expect(sarif.runs[0].results).toHaveLength(2_001);
  });
});
