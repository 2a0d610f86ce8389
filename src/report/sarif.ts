// SARIF 2.1.0 for GitHub code scanning (and any other SARIF viewer). Pure: no @actions imports.
import type { CheckId, Finding, Severity, VerifyReport } from "../core/report.js";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
// Placeholder until the project has a public home; pass `informationUri` to override.
export const DEFAULT_INFORMATION_URI = "https://github.com/migrate-guard/migrate-guard";

export interface SarifOptions {
  toolVersion: string;
  informationUri?: string;
  /**
   * Where to anchor findings that have no file. SARIF allows results without a location, but
   * GitHub code scanning drops them; set this (e.g. "prisma/schema.prisma") to keep them visible.
   */
  fallbackUri?: string;
  /** Per-rule documentation (lint rules): becomes the rule's shortDescription, help and helpUri. */
  ruleHelp?: (rule: string) => RuleHelp | undefined;
}

export interface RuleHelp {
  description: string;
  /** Plain-text help (code scanning shows it under "Rule help"); markdown when given. */
  text: string;
  markdown?: string;
  helpUri?: string;
}

export type SarifLevel = "error" | "warning" | "note";

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  defaultConfiguration: { level: SarifLevel };
  help?: { text: string; markdown?: string };
  helpUri?: string;
  properties: { checks: CheckId[] };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations?: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId: "%SRCROOT%" };
      region?: { startLine: number; startColumn?: number };
    };
  }[];
  properties: { check: CheckId };
}

export interface SarifLog {
  $schema: string;
  version: "2.1.0";
  runs: [
    {
      tool: { driver: { name: "migrate-guard"; version: string; semanticVersion?: string; informationUri: string; rules: SarifRule[] } };
      columnKind: "utf16CodeUnits";
      results: SarifResult[];
    },
  ];
}

const LEVEL: Record<Severity, SarifLevel> = { error: "error", warning: "warning", notice: "note" };
const LEVEL_RANK: Record<SarifLevel, number> = { error: 0, warning: 1, note: 2 };

export function renderSarif(report: VerifyReport, options: SarifOptions): SarifLog {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const results: SarifResult[] = [];

  for (const check of report.checks) {
    for (const finding of check.findings) {
      const level = LEVEL[finding.severity];
      let index = ruleIndex.get(finding.rule);
      if (index === undefined) {
        index = rules.length;
        ruleIndex.set(finding.rule, index);
        const help = options.ruleHelp?.(finding.rule);
        rules.push({
          id: finding.rule,
          name: toPascalCase(finding.rule),
          shortDescription: { text: help?.description ?? describeRule(finding.rule, check.id) },
          defaultConfiguration: { level },
          ...(help
            ? {
                help: { text: help.text, ...(help.markdown ? { markdown: help.markdown } : {}) },
                ...(help.helpUri ? { helpUri: help.helpUri } : {}),
              }
            : {}),
          properties: { checks: [check.id] },
        });
      }
      const rule = rules[index]!;
      // The rule's default is its most severe use, so code scanning's filter by severity is honest.
      if (LEVEL_RANK[level] < LEVEL_RANK[rule.defaultConfiguration.level]) rule.defaultConfiguration.level = level;
      if (!rule.properties.checks.includes(check.id)) rule.properties.checks.push(check.id);

      const result: SarifResult = {
        ruleId: finding.rule,
        ruleIndex: index,
        level,
        message: { text: finding.message || finding.rule },
        properties: { check: check.id },
      };
      const location = locationOf(finding, options.fallbackUri);
      if (location) result.locations = [location];
      results.push(result);
    }
  }

  const semver = /^\d+\.\d+\.\d+(?:[-+].*)?$/.test(options.toolVersion);
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "migrate-guard",
            version: options.toolVersion,
            ...(semver ? { semanticVersion: options.toolVersion } : {}),
            informationUri: options.informationUri ?? DEFAULT_INFORMATION_URI,
            rules,
          },
        },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
}

function locationOf(finding: Finding, fallbackUri: string | undefined): NonNullable<SarifResult["locations"]>[number] | undefined {
  const file = finding.file ?? fallbackUri;
  if (!file) return undefined;
  const location: NonNullable<SarifResult["locations"]>[number] = {
    physicalLocation: { artifactLocation: { uri: toUri(file), uriBaseId: "%SRCROOT%" } },
  };
  // A line only means something in the finding's own file, not in the fallback.
  if (finding.file && isPositiveInteger(finding.line)) {
    location.physicalLocation.region = {
      startLine: finding.line,
      ...(isPositiveInteger(finding.column) ? { startColumn: finding.column } : {}),
    };
  }
  return location;
}

/** SARIF wants a URI reference: spaces, `#` and `?` in a path would otherwise change its meaning. */
function toUri(path: string): string {
  return path
    .replace(/\\/g, "/")
    .replace(/^\.\//, "")
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
}

function isPositiveInteger(n: number | undefined): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= 1;
}

function describeRule(rule: string, check: CheckId): string {
  const words = rule.replace(/[-_./]+/g, " ").trim();
  const sentence = words ? words[0]!.toUpperCase() + words.slice(1) : rule;
  return `${sentence} (${check} check)`;
}

function toPascalCase(rule: string): string {
  return rule
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
}
