// The stats file (`migrate-guard stats --output FILE`) as lint and verify read it.
import { readFile } from "node:fs/promises";
import { ConfigurationError } from "../core/errors.js";
import { DEFAULT_HUGE_ROWS, DEFAULT_RAISE_ROWS, parseStatsDocument, type SizeRisk } from "../lint/stats.js";
import { rowThreshold, type StatsFileOptions } from "./inputs.js";

/** The stats file as lint and verify use it; a missing or malformed file is bad input (exit 2). */
export async function readSizeRisk(options: StatsFileOptions): Promise<SizeRisk> {
  let text: string;
  try {
    text = await readFile(options.file, "utf8");
  } catch (error) {
    throw new ConfigurationError(
      `Cannot read the stats file "${options.file}" (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Expected the JSON that \`migrate-guard stats --output FILE\` writes.`,
    );
  }
  const raiseRows = options.raiseRows ?? DEFAULT_RAISE_ROWS;
  const hugeRows = options.hugeRows ?? DEFAULT_HUGE_ROWS;
  return { stats: parseStatsDocument(text, `"${options.file}"`), raiseRows, hugeRows };
}

/** --stats FILE with its thresholds (lint and verify CLI); thresholds without a file are a usage error. */
export async function statsOption(
  file: string | undefined,
  large: string | undefined,
  huge: string | undefined,
): Promise<SizeRisk | undefined> {
  const raiseRows = rowThreshold(large, "--large-table-rows");
  const hugeRows = rowThreshold(huge, "--huge-table-rows");
  if (file === undefined || file.trim() === "") {
    if (raiseRows !== undefined || hugeRows !== undefined)
      throw new ConfigurationError("--large-table-rows and --huge-table-rows need --stats FILE (the table sizes they compare with).");
    return undefined;
  }
  return readSizeRisk({ file, ...(raiseRows !== undefined ? { raiseRows } : {}), ...(hugeRows !== undefined ? { hugeRows } : {}) });
}
