// Findings as workflow annotations (the `::error file=…,line=…::` commands GitHub turns into inline
// marks on the pull request's diff).
import * as core from "@actions/core";
import type { AnnotationProperties } from "@actions/core";
import type { Finding, Severity } from "../core/report.js";

/** GitHub shows at most this many annotations of each type per step; the rest are silently dropped. */
export const ANNOTATIONS_PER_TYPE = 10;

export interface AnnotationSink {
  error(message: string, properties?: AnnotationProperties): void;
  warning(message: string, properties?: AnnotationProperties): void;
  notice(message: string, properties?: AnnotationProperties): void;
}

export interface AnnotateOptions {
  /**
   * Per type (error, warning, notice). Pass fewer than 10 when the same step emits annotations of
   * its own afterwards (e.g. core.setFailed adds one error), or they will be the ones dropped.
   */
  max?: number;
  /** Where annotations go; @actions/core (stdout workflow commands) unless a test says otherwise. */
  sink?: AnnotationSink;
}

export interface AnnotateResult {
  shown: number;
  hidden: number;
}

const ORDER: Severity[] = ["error", "warning", "notice"];

export function annotate(findings: Finding[], options: AnnotateOptions = {}): AnnotateResult {
  const max = Math.max(0, Math.floor(options.max ?? ANNOTATIONS_PER_TYPE));
  const sink = options.sink ?? core;
  const bySeverity = new Map<Severity, Finding[]>(ORDER.map((s) => [s, findings.filter((f) => f.severity === s)]));
  const errors = bySeverity.get("error")!;
  const warnings = bySeverity.get("warning")!;
  const notices = bySeverity.get("notice")!;

  // The closing "N not shown" line is itself a notice, so it needs one of the notice slots.
  const needsSummary = errors.length > max || warnings.length > max || notices.length > max;
  const limit: Record<Severity, number> = { error: max, warning: max, notice: needsSummary ? Math.max(0, max - 1) : max };

  const hiddenCounts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  let shown = 0;
  for (const severity of ORDER) {
    const list = bySeverity.get(severity)!;
    for (const finding of list.slice(0, limit[severity])) {
      sink[severity](finding.message || finding.rule, propertiesOf(finding));
      shown += 1;
    }
    hiddenCounts[severity] = Math.max(0, list.length - limit[severity]);
  }

  const hidden = hiddenCounts.error + hiddenCounts.warning + hiddenCounts.notice;
  if (hidden > 0) {
    const parts = ORDER.filter((s) => hiddenCounts[s] > 0).map((s) => `${hiddenCounts[s]} ${s}${hiddenCounts[s] === 1 ? "" : "s"}`);
    sink.notice(
      `${hidden} more migrate-guard finding${hidden === 1 ? " was" : "s were"} not shown as annotations (${parts.join(", ")}); ` +
        `GitHub shows only ${max} per type per step. See the job summary for all of them.`,
      { title: "More migrate-guard findings" },
    );
  }
  return { shown, hidden };
}

function propertiesOf(finding: Finding): AnnotationProperties {
  const properties: AnnotationProperties = { title: finding.rule };
  // A line without a file has nothing to point at, so GitHub would show it unanchored anyway.
  if (finding.file) {
    properties.file = finding.file;
    if (finding.line && finding.line >= 1) {
      properties.startLine = finding.line;
      if (finding.column && finding.column >= 1) properties.startColumn = finding.column;
    }
  }
  return properties;
}
