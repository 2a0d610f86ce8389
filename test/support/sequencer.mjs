// Test order for a run without jest's timings (a fresh checkout, CI): jest then sorts by file size,
// which starts files that declare their tests through a shared module (a few lines long) last, however
// slow they are. With two workers, a slow file started last bounds the run. So: the files measured
// slowest first, slowest first; then jest's order. With jest's own timings (a later local run), jest's
// order as it is (failed first, then slowest first).
import path from "node:path";
import Sequencer from "@jest/test-sequencer";

// Measured on the 2-core machine (full runs, December 2026), slowest first. Order only: a stale entry
// costs wall time, never a result.
const SLOWEST = [
  "test/prisma7/prisma-matrix-7.test.ts",
  "test/prisma7/prisma-matrix-6.test.ts",
  "test/verify/corpus.test.ts",
  "test/verify/mutations.test.ts",
  "test/rollback/revert.test.ts",
  "test/e2e/verify-cache-service.test.ts",
  "test/conformance/apps-1.test.ts",
  "test/conformance/apps-2.test.ts",
  "test/migrate/migrate.test.ts",
  "test/verify/snapshot-overlap.test.ts",
  "test/verify/drift-judge.test.ts",
  "test/e2e/verify-action.test.ts",
  "test/prisma7/corpus-prisma7.test.ts",
  "test/migrate/action.test.ts",
  "test/verify/snapshot-cache.test.ts",
  "test/gate/gate.test.ts",
  "test/verify/snapshot-overlap-faults.test.ts",
  "test/postgres/majors.test.ts",
  "test/rollback/schema.test.ts",
];

export default class SlowestFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    if (sorted.some((test) => test.duration != null)) return sorted;
    const rank = (test) => SLOWEST.indexOf(path.relative(test.context.config.rootDir, test.path).split(path.sep).join("/"));
    const known = sorted.filter((test) => rank(test) >= 0).sort((a, b) => rank(a) - rank(b));
    return [...known, ...sorted.filter((test) => rank(test) < 0)];
  }
}
