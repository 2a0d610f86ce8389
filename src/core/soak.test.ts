// The soak gate's decision, pure: schema soak per migration, code soak from deployment records, the
// combination, the override and the JSON contract.
import { describe, expect, test } from "@jest/globals";
import { createHash } from "node:crypto";
import type { MigrationRecord } from "./migration-state.js";
import { evaluateCodeSoak, type DeploymentView } from "./soak-code.js";
import { checkOverride, evaluateSoak, formatHours, toSoakJson, verdictHeadline, type SoakInput, type TargetMigration } from "./soak.js";

const H = 3600_000;
const NOW = new Date("2025-03-10T12:00:00Z");
const policy = { soakHours: 24, from: "staging", to: "production" };

function migration(name: string, sql = `-- ${name}\nSELECT 1;\n`): TargetMigration {
  return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
}
const A = migration("20250301000000_a");
const B = migration("20250302000000_b");

function applied(m: TargetMigration, hoursAgo: number, extra: Partial<MigrationRecord> = {}): MigrationRecord {
  const finishedAt = new Date(NOW.getTime() - hoursAgo * H);
  return { name: m.name, checksum: m.checksum, startedAt: new Date(finishedAt.getTime() - 1000), finishedAt, ...extra };
}

function input(records: MigrationRecord[], overrides: Partial<SoakInput> = {}): SoakInput {
  return { policy, pending: [A, B], source: { records, now: NOW }, codeSoak: { kind: "not-checked", why: "test" }, now: NOW, ...overrides };
}

describe("schema soak", () => {
  test("pass when every pending migration finished at least soak-hours ago on the staging clock", () => {
    const v = evaluateSoak(input([applied(A, 30), applied(B, 24)]));
    expect(v.decision).toBe("pass");
    expect(v.remainingSeconds).toBe(0);
    expect(v.migrations.map((m) => [m.status, m.soakedSeconds])).toEqual([
      ["soaked", 30 * 3600],
      ["soaked", 24 * 3600],
    ]);
  });

  test("wait with the longest remaining time and the earliest pass on the gate's clock", () => {
    const gateNow = new Date(NOW.getTime() + 5 * 60_000); // the runner's clock is 5 minutes ahead: ignored for elapsed time
    const v = evaluateSoak(input([applied(A, 30), applied(B, 23)], { now: gateNow }));
    expect(v.decision).toBe("wait");
    expect(v.remainingSeconds).toBe(3600);
    expect(v.earliestPassAt).toEqual(new Date(gateNow.getTime() + 3600_000));
    expect(verdictHeadline(v)).toBe("1h00m left on staging");
  });

  test("a finished_at ahead of the server's now counts as zero soak, never negative", () => {
    const v = evaluateSoak(input([applied(A, -1), applied(B, 48)]));
    expect(v.migrations[0]).toMatchObject({ soakedSeconds: 0, remainingSeconds: 24 * 3600, status: "soaking" });
  });

  test.each([
    ["missing on staging", [applied(B, 48)], "missing", /never applied on staging: never skip staging/],
    ["failed on staging", [{ name: A.name, checksum: A.checksum, startedAt: NOW }, applied(B, 48)], "failed", /failed on staging/],
    [
      "rolled back on staging",
      [{ name: A.name, checksum: A.checksum, startedAt: NOW, rolledBackAt: NOW }, applied(B, 48)],
      "rolled-back",
      /rolled back on staging/,
    ],
    [
      "a different checksum on staging",
      [applied(A, 48, { checksum: "f".repeat(64) }), applied(B, 48)],
      "checksum-mismatch",
      /different file/,
    ],
  ] as const)("block: %s", (_name, records, status, reason) => {
    const v = evaluateSoak(input([...records]));
    expect(v.decision).toBe("block");
    expect(v.remainingSeconds).toBeNull();
    expect(v.earliestPassAt).toBeNull();
    expect(v.migrations[0]!.status).toBe(status);
    expect(v.reasons.join("\n")).toMatch(reason);
  });

  test("a rolled-back attempt followed by a successful apply counts from the apply", () => {
    const v = evaluateSoak(
      input([{ name: A.name, checksum: A.checksum, startedAt: NOW, rolledBackAt: NOW }, applied(A, 25), applied(B, 25)]),
    );
    expect(v.decision).toBe("pass");
  });

  test("an unreadable staging database blocks", () => {
    const v = evaluateSoak(input([], { source: { error: "Could not reach PostgreSQL at db:5432/app" } }));
    expect(v.decision).toBe("block");
    expect(v.reasons[0]).toMatch(/could not be read.*never passes without it/);
  });

  test("nothing pending passes with that reason", () => {
    const v = evaluateSoak(input([], { pending: [] }));
    expect(v).toMatchObject({ decision: "pass", remainingSeconds: 0, migrations: [] });
    expect(v.reasons[0]).toMatch(/Nothing to promote/);
  });
});

describe("override", () => {
  test("is refused without a reason, with an empty allowlist, without an actor, and for an actor not on the list", () => {
    expect(checkOverride("   ", "alice", ["alice"]).refused).toMatch(/reason is empty/);
    expect(checkOverride("hotfix", "alice", []).refused).toMatch(/override-actors is empty/);
    expect(checkOverride("hotfix", undefined, ["alice"]).refused).toMatch(/No actor/);
    expect(checkOverride("hotfix", "mallory", ["alice", "bob"]).refused).toMatch(/mallory may not override.*alice, bob/);
    expect(checkOverride(undefined, "alice", [])).toEqual({});
  });

  test("an accepted override passes a soak that is not long enough yet and says what the gate would have said", () => {
    const { override } = checkOverride("  hotfix  for INC-7 ", "Alice", ["alice"]);
    expect(override).toEqual({ actor: "Alice", reason: "hotfix for INC-7" });
    const v = evaluateSoak(input([applied(A, 3), applied(B, 48)], { override: override! }));
    expect(v).toMatchObject({ decision: "pass", decisionWithoutOverride: "wait", remainingSeconds: 0, override });
    expect(v.reasons[0]).toBe("Overridden by Alice (the gate said wait): hotfix for INC-7");
    expect(verdictHeadline(v)).toBe("Override by Alice: hotfix for INC-7");
  });

  test("an accepted override covers a code-soak block (a failure status on the staging deployment)", () => {
    const codeSoak = { kind: "blocked", reason: "Code soak: deployment 7 to staging got `failure`." } as const;
    const v = evaluateSoak(input([applied(A, 48), applied(B, 48)], { codeSoak, override: { actor: "alice", reason: "hotfix" } }));
    expect(v).toMatchObject({ decision: "pass", decisionWithoutOverride: "block", override: { actor: "alice" } });
  });

  const alice = { actor: "alice", reason: "hotfix for INC-7" };
  test.each([
    [
      "staging unreachable",
      input([], { source: { error: "Could not reach PostgreSQL at db:5432/app" } }),
      /staging database could not be read/,
    ],
    [
      "staging unreachable with nothing pending",
      input([], { pending: [], source: { error: "Could not reach PostgreSQL at db:5432/app" } }),
      /staging database could not be read/,
    ],
    ["a migration missing on staging", input([applied(B, 48)]), /never skip staging/],
    ["a migration failed on staging", input([{ name: A.name, checksum: A.checksum, startedAt: NOW }, applied(B, 48)]), /failed on staging/],
    [
      "a migration rolled back on staging",
      input([{ name: A.name, checksum: A.checksum, startedAt: NOW, rolledBackAt: NOW }, applied(B, 48)]),
      /rolled back on staging/,
    ],
    ["a checksum mismatch", input([applied(A, 48, { checksum: "f".repeat(64) }), applied(B, 48)]), /different file/],
    [
      "a database stamped as another environment",
      input([applied(A, 48), applied(B, 48)], { blockers: ['The from (staging) database belongs to environment "production"'] }),
      /belongs to environment "production"/,
    ],
    [
      "GitHub unreadable",
      input([applied(A, 48), applied(B, 48)], {
        codeSoak: { kind: "blocked", unreadable: true, reason: "Code soak could not be read from GitHub: 403" },
      }),
      /could not be read from GitHub/,
    ],
  ] as const)("an accepted override cannot cover %s: still block, and the report says why", (_name, base, reason) => {
    const v = evaluateSoak({ ...base, override: alice });
    expect(v).toMatchObject({ decision: "block", decisionWithoutOverride: "block", remainingSeconds: null, earliestPassAt: null });
    expect(v.override).toBeUndefined();
    expect(v.reasons[0]).toMatch(reason);
    expect(v.reasons.at(-1)).toMatch(
      /^The override by alice \("hotfix for INC-7"\) is not applied: it cannot cover the block above, so the gate still blocks\. An override covers only a soak that is not long enough yet/,
    );
    expect(verdictHeadline(v)).toMatch(/^Blocked: /);
  });
});

test("the JSON contract has exactly the documented keys", () => {
  const json = toSoakJson(evaluateSoak(input([applied(A, 30), applied(B, 12.5)]))) as Record<string, unknown>;
  expect(Object.keys(json)).toEqual(["decision", "remainingSeconds", "earliestPassAt", "reasons", "migrations"]);
  expect(json.migrations).toEqual([
    { name: A.name, appliedOnSourceAt: new Date(NOW.getTime() - 30 * H).toISOString(), soakedHours: 30, status: "soaked" },
    { name: B.name, appliedOnSourceAt: new Date(NOW.getTime() - 12.5 * H).toISOString(), soakedHours: 12.5, status: "soaking" },
  ]);
  expect(formatHours(18 * 3600 + 12 * 60)).toBe("18h12m");
});

describe("code soak", () => {
  const SHA = "a".repeat(40);
  let id = 100;
  function deployment(
    hoursAgo: number,
    statuses: [string, number][],
    payload: unknown = { tool: "migrate-guard", command: "deploy", migrations: [A, B].map(({ name, checksum }) => ({ name, checksum })) },
    sha = "b".repeat(40),
  ): DeploymentView {
    const d = id++;
    return {
      id: d,
      sha,
      task: "deploy:migrations",
      createdAt: new Date(NOW.getTime() - hoursAgo * H),
      payload,
      statuses: statuses.map(([state, ago]) => ({ id: id++, state, createdAt: new Date(NOW.getTime() - ago * H) })),
    };
  }
  const evaluate = (deployments: DeploymentView[]) =>
    evaluateCodeSoak({
      deployments,
      pending: [A, B],
      targetSha: SHA,
      githubNow: NOW,
      soakSeconds: 24 * 3600,
      from: "staging",
      tasks: ["deploy:migrations"],
    });

  test("starts at the first success status, not at the deployment's creation", () => {
    const r = evaluate([
      deployment(30, [
        ["in_progress", 30],
        ["success", 20],
      ]),
    ]);
    expect(r).toMatchObject({ kind: "soaking", elapsedSeconds: 20 * 3600, remainingSeconds: 4 * 3600 });
  });

  test("a failure after success restarts the soak at the next success", () => {
    const r = evaluate([
      deployment(40, [
        ["success", 40],
        ["failure", 10],
        ["success", 5],
      ]),
    ]);
    expect(r).toMatchObject({ kind: "soaking", elapsedSeconds: 5 * 3600 });
    expect(r.kind === "soaking" && r.restartedAfter).toMatch(/got `failure`/);
  });

  test("a failure with no later success blocks and says it restarts", () => {
    const r = evaluate([
      deployment(40, [
        ["success", 40],
        ["error", 10],
      ]),
    ]);
    expect(r.kind).toBe("blocked");
    expect(r.kind === "blocked" && r.reason).toMatch(/restarts at the next `success`/);
  });

  test("inactive means superseded, not broken: the soak keeps running from the first success, also when the newer deployment is not listed (the app's own deploy to staging)", () => {
    const old = deployment(40, [
      ["success", 40],
      ["inactive", 2],
    ]);
    const newer = deployment(2, [["success", 2]], { tool: "migrate-guard", command: "deploy", migrations: [] });
    expect(evaluate([old, newer])).toMatchObject({ kind: "soaking", elapsedSeconds: 40 * 3600, remainingSeconds: 0 });
    // GitHub set `inactive` because a deployment of another task (not listed by the gate) succeeded.
    const alone = deployment(40, [
      ["success", 40],
      ["inactive", 2],
    ]);
    const r = evaluate([alone]);
    expect(r).toMatchObject({ kind: "soaking", deploymentId: alone.id, elapsedSeconds: 40 * 3600, remainingSeconds: 0 });
    expect(r.kind === "soaking" && r.description).toMatch(
      /superseded since .* \(`inactive`: a newer deployment to staging succeeded\), which does not end the soak/,
    );
    // Still soaking (not yet 24h) after `inactive`: wait, not block.
    expect(
      evaluate([
        deployment(10, [
          ["success", 10],
          ["inactive", 9],
        ]),
      ]),
    ).toMatchObject({ kind: "soaking", elapsedSeconds: 10 * 3600, remainingSeconds: 14 * 3600 });
  });

  test("after inactive, a failure or error on the covering deployment still restarts or blocks; inactive without a success never starts the soak", () => {
    const failed = evaluate([
      deployment(40, [
        ["success", 40],
        ["inactive", 20],
        ["failure", 3],
      ]),
    ]);
    expect(failed.kind === "blocked" && failed.reason).toMatch(/got `failure` at .*restarts at the next `success`/);
    const restarted = evaluate([
      deployment(40, [
        ["success", 40],
        ["inactive", 20],
        ["error", 3],
      ]),
      deployment(2, [["success", 1]]),
    ]);
    expect(restarted).toMatchObject({ kind: "soaking", elapsedSeconds: 3600 });
    expect(restarted.kind === "soaking" && restarted.restartedAfter).toMatch(/got `error`/);
    expect(
      evaluate([
        deployment(5, [
          ["in_progress", 5],
          ["inactive", 4],
        ]),
      ]).kind,
    ).toBe("blocked");
  });

  test("migrations accumulate over deploys; a deploy with another checksum does not cover", () => {
    const first = deployment(50, [["success", 50]], {
      tool: "migrate-guard",
      command: "deploy",
      migrations: [{ name: A.name, checksum: A.checksum }],
    });
    const second = deployment(30, [["success", 30]], {
      tool: "migrate-guard",
      command: "deploy",
      migrations: [{ name: B.name, checksum: B.checksum }],
    });
    expect(evaluate([first, second])).toMatchObject({ kind: "soaking", elapsedSeconds: 30 * 3600 });
    const edited = deployment(30, [["success", 30]], {
      tool: "migrate-guard",
      command: "deploy",
      migrations: [{ name: B.name, checksum: "0".repeat(64) }],
    });
    expect(evaluate([first, edited]).kind).toBe("blocked");
  });

  test("the app's own deployment of the target SHA covers it; none at all blocks; one in progress waits", () => {
    expect(evaluate([deployment(10, [["success", 9]], {}, SHA)])).toMatchObject({ kind: "soaking", elapsedSeconds: 9 * 3600 });
    expect(evaluate([]).kind).toBe("blocked");
    expect(evaluate([deployment(1, [["in_progress", 1]])]).kind).toBe("waiting");
  });
});
