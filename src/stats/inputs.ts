// The stats file options of lint and verify (CLI and actions): which file, and the row thresholds.
// Light on purpose: the verify action's entry reads its inputs before the bundle loads.
import path from "node:path";
import { ConfigurationError } from "../core/errors.js";

export interface StatsFileOptions {
  file: string;
  /** Raise at this many rows (default 1 000 000). */
  raiseRows?: number;
  /** Say so at this many rows (default 10 000 000). */
  hugeRows?: number;
}

/** A row-count threshold option: a positive whole number (underscores allowed: 1_000_000). */
export function rowThreshold(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const n = Number(value.trim().replace(/_/g, ""));
  if (!Number.isInteger(n) || n <= 0)
    throw new ConfigurationError(`Invalid ${name} "${value}". Expected a positive whole number of rows, e.g. 1000000.`);
  return n;
}

/** `stats-file` (relative to the workspace) with `large-table-rows` and `huge-table-rows`; for the lint and verify actions. */
export function statsInputs(text: (name: string) => string | undefined): StatsFileOptions | undefined {
  const raiseRows = rowThreshold(text("large-table-rows"), 'input "large-table-rows"');
  const hugeRows = rowThreshold(text("huge-table-rows"), 'input "huge-table-rows"');
  const file = text("stats-file");
  if (!file) return undefined;
  return {
    file: path.resolve(process.env.GITHUB_WORKSPACE ?? ".", file),
    ...(raiseRows !== undefined ? { raiseRows } : {}),
    ...(hugeRows !== undefined ? { hugeRows } : {}),
  };
}
