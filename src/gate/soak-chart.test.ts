// The soak gate's gantt, from real verdicts (evaluateSoak), parsed by Mermaid itself.
import { describe, expect, test } from "@jest/globals";
import { createHash } from "node:crypto";
import type { MigrationRecord } from "../core/migration-state.js";
import { evaluateSoak, type TargetMigration } from "../core/soak.js";
import { ganttTasks, mermaidBlocks, parseMermaid } from "../../test/support/mermaid-parse.js";
import { soakGantt } from "./soak-chart.js";

const H = 3600_000;
const NOW = new Date("2025-03-10T12:00:00Z");
const migration = (name: string): TargetMigration => {
  const sql = `-- ${name}\nSELECT 1;\n`;
  return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
};
const applied = (m: TargetMigration, hoursAgo: number): MigrationRecord => {
  const finishedAt = new Date(NOW.getTime() - hoursAgo * H);
  return { name: m.name, checksum: m.checksum, startedAt: new Date(finishedAt.getTime() - 1000), finishedAt };
};
const verdict = (pending: TargetMigration[], records: MigrationRecord[], from = "staging") =>
  evaluateSoak({
    policy: { soakHours: 24, from, to: "production" },
    pending,
    source: { records, now: NOW },
    codeSoak: { kind: "not-checked", why: "test" },
    now: NOW,
  });

async function chart(lines: string[]): Promise<string> {
  const blocks = mermaidBlocks(lines.join("\n"));
  expect(blocks).toHaveLength(1);
  await expect(parseMermaid(blocks[0]!)).resolves.toBe("gantt");
  return blocks[0]!;
}

describe("soak gantt", () => {
  test("soaked, soaking and never applied: done, left and crit bars on the soak server's clock", async () => {
    const [a, b, c] = [migration("20250301000000_a"), migration("20250302000000_b"), migration("20250303000000_c")];
    const block = await chart(soakGantt(verdict([a, b, c], [applied(a, 30), applied(b, 6)])));
    const t = (hoursAgo: number) => NOW.getTime() - hoursAgo * H;
    expect(block.split("\n")).toEqual([
      "gantt",
      "  title Time on staging against the 24 h soak",
      "  dateFormat x",
      "  axisFormat %m-%d %H:%M",
      "  section 20250301000000_a",
      `    soaked 30h00m :done, m0s, ${t(30)}, ${t(0)}`,
      "  section 20250302000000_b",
      `    soaked 6h00m :done, m1s, ${t(6)}, ${t(0)}`,
      `    18h00m left :active, m1l, ${t(0)}, ${t(6) + 24 * H}`,
      "  section 20250303000000_c",
      `    never applied here :crit, m2x, ${t(0)}, ${t(0) + 24 * H}`,
    ]);
    // As Mermaid reads the dates: absolute times, each bar where the verdict put it.
    expect(await ganttTasks(block)).toEqual([
      { section: "20250301000000_a", task: "soaked 30h00m", start: new Date(t(30)), end: NOW, state: "done" },
      { section: "20250302000000_b", task: "soaked 6h00m", start: new Date(t(6)), end: NOW, state: "done" },
      { section: "20250302000000_b", task: "18h00m left", start: NOW, end: new Date(t(6) + 24 * H), state: "active" },
      { section: "20250303000000_c", task: "never applied here", start: NOW, end: new Date(t(0) + 24 * H), state: "crit" },
    ]);
  });

  test("hostile names (colons, hashes, semicolons) still parse; many migrations are capped", async () => {
    const odd = migration("2025: odd; name #1 %% x");
    await chart(soakGantt(verdict([odd], [applied(odd, 1)], "stage: one; #2")));
    const many = Array.from({ length: 25 }, (_, i) => migration(`2025030100000${String(i).padStart(2, "0")}_m`));
    const lines = soakGantt(
      verdict(
        many,
        many.map((m) => applied(m, 2)),
      ),
    );
    const block = await chart(lines);
    expect(block.match(/^ {2}section /gm)).toHaveLength(20);
    expect(lines.join("\n")).toContain("_… and 5 more pending migrations (in the table above)._");
  });

  test("nothing pending: no chart", () => {
    expect(soakGantt(verdict([], []))).toEqual([]);
  });
});
