import { execFileSync } from "node:child_process";
import { SHORT_LIVED_NODE_FLAGS, takesShortLivedFlags } from "./cli.js";

describe("short-lived Prisma processes", () => {
  it("get the flags only on the Node majors they were checked on", () => {
    expect(["20.20.2", "22.11.0", "24.21.0"].map((v) => takesShortLivedFlags(v))).toEqual([true, true, true]);
    expect(["18.20.0", "25.0.0", "26.1.0"].map((v) => takesShortLivedFlags(v))).toEqual([false, false, false]);
  });

  // An unknown V8 flag makes node exit 9 before Prisma runs: every Node that runs these tests (and
  // Node 24 when MIGRATE_GUARD_NODE24 names it, as in CI) must take them.
  const nodes = [process.execPath, ...(process.env.MIGRATE_GUARD_NODE24 ? [process.env.MIGRATE_GUARD_NODE24] : [])];
  it.each(nodes)("%s starts with them", (node) => {
    const version = execFileSync(node, ["--version"], { encoding: "utf8" }).trim().slice(1);
    if (!takesShortLivedFlags(version)) return;
    expect(execFileSync(node, [...SHORT_LIVED_NODE_FLAGS, "-e", "process.stdout.write('ok')"], { encoding: "utf8" })).toBe("ok");
  });
});
