// The test-data decision table (pure): what each stamp allows for each named environment.
import { describe, expect, test } from "@jest/globals";
import type { EnvironmentStamp } from "../../src/core/environment.js";
import { ConfigurationError } from "../../src/core/errors.js";
import { decideTestData, resolveTestDataEnvironment, testDataPolicy } from "../../src/test-data/policy.js";

const stamp = (name: string, production = false): EnvironmentStamp => ({
  name,
  normalized: name.toLowerCase(),
  production,
  stampedAt: new Date("2026-01-01T00:00:00Z"),
  stampedBy: "octocat",
});
const policy = testDataPolicy(undefined, undefined);
const staging = resolveTestDataEnvironment("Staging ", policy);

describe("test-data policy", () => {
  test("defaults: staging and local; production never", () => {
    expect(policy).toEqual({ allowed: ["staging", "local"], production: ["production"] });
    expect(resolveTestDataEnvironment("local", policy).name).toBe("local");
    expect(() => resolveTestDataEnvironment("production", policy)).toThrow(ConfigurationError);
    expect(() => resolveTestDataEnvironment("qa", policy)).toThrow(/Unknown environment "qa"/);
    // Listing production as allowed changes nothing: production wins.
    expect(() => resolveTestDataEnvironment("production", testDataPolicy("staging, production", "production"))).toThrow(
      /never written to a production environment/,
    );
  });

  test.each([
    ["no stamp, no --stamp", undefined, false, "refuse", /no environment stamp/],
    ["no stamp, --stamp", undefined, true, "stamp-then-run", undefined],
    ["stamped staging", stamp("staging"), false, "run", undefined],
    ["stamped STAGING (case)", stamp("STAGING"), true, "run", undefined],
    ["stamped production", stamp("production", true), false, "refuse", /stamped as the production environment "production".*by octocat/],
    ["stamped production, --stamp", stamp("production", true), true, "refuse", /never written to production/],
    ["stamped as production by flag only", stamp("main-db", true), false, "refuse", /production environment "main-db"/],
    ["stamped local", stamp("local"), false, "refuse", /stamped as "local"/],
  ] as const)("%s → %s", (_name, given, stampRequested, kind, reason) => {
    const decision = decideTestData(staging, given, policy, stampRequested);
    expect(decision.kind).toBe(kind);
    if (reason) expect(decision.kind === "refuse" && decision.reason).toMatch(reason);
  });

  test("a stamp named in production-environments is production even when its flag says otherwise", () => {
    const custom = testDataPolicy("staging, prod", "prod");
    expect(decideTestData(staging, stamp("prod", false), custom, false)).toMatchObject({
      kind: "refuse",
      reason: expect.stringContaining('production environment "prod"'),
    });
  });

  test('a custom production list never makes the name "production" safe: not as --environment, not as a stamp', () => {
    const custom = testDataPolicy("staging, production", "prod");
    expect(custom.production).toEqual(["production", "prod"]);
    expect(() => resolveTestDataEnvironment("production", custom)).toThrow(/never written to a production environment/);
    // The stamp a deploy writes when its own production-environments did not list "production".
    expect(decideTestData(staging, stamp("production", false), custom, true)).toMatchObject({
      kind: "refuse",
      reason: expect.stringContaining('production environment "production"'),
    });
  });
});
