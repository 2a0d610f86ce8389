// Turns the measurements into ratios, target verdicts and the printed table.
import { median } from "./proc.js";
import type { ActionStart, ClusterTimes, Naive, Step, VerifyRun } from "./steps.js";
import type { ActionWarm } from "./action-cache.js";

export interface Measurements {
  floor?: Step;
  naive?: Naive;
  /** (c) cold: no cache, no base ref. */
  verify?: VerifyRun;
  /** Prisma's no-op deploy on umami's 19 migrations (start-up cost). */
  prismaNoopSmall?: Step;
  /** The pull request (base + one new migration): no cache, cache miss (saves), cache hit ×3. */
  prCold?: VerifyRun;
  miss?: VerifyRun;
  warm?: VerifyRun[];
  /** The warm case again with Node 24 (the action's runtime) when MIGRATE_GUARD_NODE24 names a binary. */
  warmNode24?: { node: string; runs: VerifyRun[] };
  /** (wa) The built action's pull request job with the built-in cache: restore + verify + post step. */
  actionWarm?: ActionWarm;
  cluster?: ClusterTimes;
  action?: ActionStart;
  /** Steps that threw (a broken bench, or a timeout of an in-process step). */
  errors: Record<string, string>;
}

export interface Target {
  name: string;
  value: string;
  limit: string;
  pass: boolean;
  note?: string;
}

export interface Derived {
  /** deploy + diff until it failed: a lower bound of the recipe's cost when the diff fails. */
  naiveMs?: number;
  naiveWithShadowFlagMs?: number;
  ratios: {
    cOverA?: number;
    cOverB?: number;
    cOverBWithShadowFlag?: number;
    warmOverA?: number;
    actionWarmOverA?: number;
    missOverB?: number;
    prColdOverB?: number;
  };
  /** Median of the warm runs that hit the cache. */
  warmMs?: number;
  /** Median of the action's jobs (main + post) that hit the cache. */
  actionWarmMs?: number;
  targets: Target[];
}

const ratio = (c: number | undefined, x: number | undefined) => (c !== undefined && x ? c / x : undefined);

export function derive(m: Measurements): Derived {
  const naiveMs = m.naive ? m.naive.deploy.ms + m.naive.diff.ms : undefined;
  const naiveWithShadowFlagMs = m.naive ? m.naive.deploy.ms + m.naive.diffWithShadowFlag.ms : undefined;
  // A verify that crashed early is fast; it must not pass a speed target.
  const c = m.verify?.ok ? m.verify.ms : undefined;
  const hits = (m.warm ?? []).filter((w) => w.ok && w.cache?.state === "hit");
  const warmMs = hits.length ? median(hits.map((w) => w.ms)) : undefined;
  const a = m.floor?.ok ? m.floor.ms : undefined;
  const actionHits = (m.actionWarm?.runs ?? []).filter((r) => r.ok && r.cache === "hit");
  const actionWarmMs = actionHits.length ? median(actionHits.map((r) => r.ms)) : undefined;
  const ratios = {
    cOverA: ratio(c, a),
    cOverB: ratio(c, naiveMs),
    cOverBWithShadowFlag: ratio(c, naiveWithShadowFlagMs),
    warmOverA: ratio(warmMs, a),
    actionWarmOverA: ratio(actionWarmMs, a),
    missOverB: ratio(m.miss?.ok ? m.miss.ms : undefined, naiveMs),
    prColdOverB: ratio(m.prCold?.ok ? m.prCold.ms : undefined, naiveMs),
  };
  const notMeasured = (what: string) => ({ value: "not measured", pass: false, note: what });

  const targets: Target[] = [
    {
      name: "warm (cache hit, 1 new migration) ≤ 2 × a",
      limit: "2.00",
      ...(ratios.warmOverA !== undefined
        ? { value: `warm/a = ${ratios.warmOverA.toFixed(2)}`, pass: ratios.warmOverA <= 2 }
        : notMeasured("no warm run hit the cache")),
    },
    {
      name: "action job warm (restore + verify + save) ≤ 2.5 × a",
      limit: "2.50",
      ...(ratios.actionWarmOverA !== undefined
        ? { value: `wa/a = ${ratios.actionWarmOverA.toFixed(2)}`, pass: ratios.actionWarmOverA <= 2.5 }
        : notMeasured("no action job hit the cache")),
    },
    {
      name: "cold c (no cache) ≤ 0.5 × b",
      limit: "0.50",
      ...(ratios.cOverB !== undefined
        ? { value: `c/b = ${ratios.cOverB.toFixed(2)}`, pass: ratios.cOverB <= 0.5 }
        : notMeasured("verify or (b) did not run")),
    },
    {
      name: "c ≤ 0.5 × b' (diff with --shadow-database-url)",
      limit: "0.50",
      ...(ratios.cOverBWithShadowFlag !== undefined
        ? { value: `c/b' = ${ratios.cOverBWithShadowFlag.toFixed(2)}`, pass: ratios.cOverBWithShadowFlag <= 0.5 }
        : notMeasured("verify or (b) did not run")),
    },
    {
      name: "cluster ready ≤ 1.5 s (median)",
      limit: "1.5 s",
      ...(m.cluster ? { value: seconds(m.cluster.medianMs), pass: m.cluster.medianMs <= 1500 } : notMeasured("startCluster failed")),
    },
    {
      name: "action cold start ≤ 150 ms (median, upper bound)",
      limit: "150 ms",
      ...(m.action?.reachedInputs
        ? { value: millis(m.action.medianMs), pass: m.action.medianMs <= 150 }
        : notMeasured(m.action?.detail ?? "not run")),
    },
  ];
  return {
    ...(naiveMs !== undefined ? { naiveMs } : {}),
    ...(naiveWithShadowFlagMs !== undefined ? { naiveWithShadowFlagMs } : {}),
    ...(warmMs !== undefined ? { warmMs } : {}),
    ...(actionWarmMs !== undefined ? { actionWarmMs } : {}),
    ratios,
    targets,
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function millis(ms: number): string {
  return `${Math.round(ms)} ms`;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === 1 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export function renderTable(m: Measurements, d: Derived, header: string): string {
  const rows: string[][] = [["step", "wall time", "result"]];
  const stepRow = (label: string, s: Step | undefined, error: string | undefined) =>
    rows.push([label, s ? seconds(s.ms) : "-", s ? s.detail : `not measured (${error ?? "skipped"})`]);

  stepRow("(a) floor: psql, one session", m.floor, m.errors.floorAndNaive);
  if (m.naive) {
    const n = m.naive;
    rows.push(["(b) naive: deploy + diff", seconds(d.naiveMs!), n.diff.ok ? "ok" : "as measured; the diff failed"]);
    rows.push(["      prisma migrate deploy", seconds(n.deploy.ms), n.deploy.detail]);
    rows.push([
      "      … again, nothing pending (Prisma's fixed cost)",
      seconds(n.deployNoop.ms),
      `${n.deployNoop.detail}${m.prismaNoopSmall ? `; on umami's 19 migrations ${seconds(m.prismaNoopSmall.ms)} → ~${((n.deployNoop.ms - m.prismaNoopSmall.ms) / 801).toFixed(1)} ms per migration` : ""}`,
    ]);
    rows.push(["      prisma migrate diff --from-migrations", seconds(n.diff.ms), n.diff.detail]);
    rows.push([
      "(b') naive, diff with --shadow-database-url",
      seconds(d.naiveWithShadowFlagMs!),
      n.diffWithShadowFlag.ok ? "ok" : "as measured; the diff failed",
    ]);
    rows.push(["      prisma migrate diff ... --shadow-database-url", seconds(n.diffWithShadowFlag.ms), n.diffWithShadowFlag.detail]);
  } else stepRow("(b) naive: deploy + diff", undefined, m.errors.floorAndNaive);

  const v = m.verify;
  const checks = v
    ? Object.entries(v.checks)
        .map(([id, status]) => `${id} ${status}`)
        .join(", ")
    : "";
  rows.push([
    "(c) migrate-guard verify, cold (--no-cache)",
    v ? seconds(v.ms) : "-",
    v
      ? v.ok
        ? `exit ${v.exitCode}, ${v.migrationsApplied} applied in its own ${seconds(v.reportDurationMs ?? 0)}; cache ${v.cache?.state ?? "?"}; ${checks}`
        : v.detail
      : `not measured (${m.errors.verify ?? "skipped"})`,
  ]);
  const prRow = (label: string, r: VerifyRun | undefined) =>
    rows.push([
      label,
      r ? seconds(r.ms) : "-",
      r
        ? r.ok
          ? `exit ${r.exitCode}; cache ${r.cache?.state ?? "?"}${r.cache ? ` (${r.cache.migrations} migrations${r.cache.saved ? ", saved" : ""}${r.cache.savedMs ? `, ~${seconds(r.cache.savedMs)} saved` : ""})` : ""}`
          : r.detail
        : `not measured (${m.errors.warm ?? "skipped"})`,
    ]);
  prRow("(p) PR +1 migration, --no-cache", m.prCold);
  prRow("(m) PR +1 migration, cache miss", m.miss);
  (m.warm ?? []).forEach((w, i) => prRow(`(w${i + 1}) PR +1 migration, cache warm`, w));
  if (d.warmMs !== undefined) rows.push(["(w) warm, median of hits", seconds(d.warmMs), ""]);
  const aw = m.actionWarm;
  const jobRow = (label: string, j: NonNullable<typeof aw>["seed"]) =>
    rows.push([
      label,
      seconds(j.ms),
      j.ok
        ? `main ${seconds(j.mainMs)} + post ${seconds(j.postMs)}; cache ${j.cache ?? "?"}${j.restored ? ` (restored by ${j.restored === "exact" ? "exact key" : "restore key"})` : ""}${j.saved ? "; saved" : ""}`
        : j.detail,
    ]);
  if (aw) {
    jobRow("(wa0) action job, default branch (seeds the cache)", aw.seed);
    aw.runs.forEach((j, i) => jobRow(`(wa${i + 1}) action job, PR, fresh runner`, j));
    if (d.actionWarmMs !== undefined)
      rows.push([
        "(wa) action job warm, median of hits",
        seconds(d.actionWarmMs),
        "restore + verify + save, through @actions/cache and the cache service double",
      ]);
  } else if (m.errors.actionWarm || m.errors.warm)
    rows.push(["(wa) action job warm", "-", `not measured (${m.errors.actionWarm ?? m.errors.warm})`]);
  if (m.warmNode24) {
    const hits = m.warmNode24.runs.filter((w) => w.ok && w.cache?.state === "hit").map((w) => w.ms);
    rows.push([
      "(w24) warm under Node 24, median of hits",
      hits.length ? seconds(median(hits)) : "–",
      `${m.warmNode24.node}; runs ${m.warmNode24.runs.map((w) => seconds(w.ms)).join("/")} (the first fills Node's compile cache); not a target, the action's runtime`,
    ]);
  }

  const cl = m.cluster;
  rows.push([
    "(d) cluster ready, median of 5",
    cl ? seconds(cl.medianMs) : "-",
    cl
      ? `runs ${cl.warmMs.map((x) => Math.round(x)).join("/")} ms; warm-up ${millis(cl.warmupMs)}; cold, template: false ${millis(cl.coldNoTemplateMs)}`
      : `not measured (${m.errors.cluster ?? "skipped"})`,
  ]);

  const a = m.action;
  rows.push([
    "(e) action cold start, median of 5",
    a ? millis(a.medianMs) : "-",
    a
      ? `upper bound of start → first input read; node -e 0: ${millis(a.baselineMedianMs)} (×${(a.medianMs / a.baselineMedianMs).toFixed(1)}); ${a.detail}`
      : `not measured (${m.errors.action ?? "skipped"})`,
  ]);
  if (a)
    rows.push([
      "(e') action start → verify's first work, median",
      millis(a.firstWorkMedianMs),
      a.reachedWork ? "whole bundle loaded, project lookup failed as intended" : "did not reach verify's first work",
    ]);

  const fmt = (x: number | undefined) => (x === undefined ? "-" : x.toFixed(2));
  const ratioRows = [
    ["ratio", "value"],
    ["warm/a (cache hit vs psql floor)", fmt(d.ratios.warmOverA)],
    ["wa/a (action job: restore + verify + save, vs psql floor)", fmt(d.ratios.actionWarmOverA)],
    ["c/a (cold verify vs psql floor)", fmt(d.ratios.cOverA)],
    ["c/b (cold verify vs naive)", fmt(d.ratios.cOverB)],
    ["c/b' (cold verify vs naive, shadow flag)", fmt(d.ratios.cOverBWithShadowFlag)],
    ["p/b (PR, no cache, vs naive)", fmt(d.ratios.prColdOverB)],
    ["m/b (PR, cache miss + save, vs naive)", fmt(d.ratios.missOverB)],
  ];
  const targetRows = [
    ["target", "value", "limit", "verdict"],
    ...d.targets.map((t) => [t.name, t.value, t.limit, t.pass ? "PASS" : `FAIL${t.note ? ` (${t.note})` : ""}`]),
  ];
  const problems = (v?.problems ?? []).map((p) => `verify reported ${p}`);
  return [header, "", table(rows), ...problems, "", table(ratioRows), "", table(targetRows)].join("\n");
}
