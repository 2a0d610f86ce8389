import { scriptEnv } from "./script.js";

describe("scriptEnv", () => {
  test("the script sees the checked URL only: other PostgreSQL URLs, wherever they sit in a value, and libpq's PG* variables are removed", () => {
    const env = scriptEnv(
      {
        PATH: "/usr/bin",
        PROD_URL: "postgresql://app:pw@prod.db/app",
        QUOTED: '"postgres://app:pw@prod.db/app"',
        PRISMA_URL: "prisma+postgres://accelerate.prisma-data.net/?api_key=x",
        PGHOST: "prod.db",
        PGPASSWORD: "pw",
        PGSERVICE: "prod",
        APP_MODE: "seed",
      },
      "postgresql://app:pw@staging.db/app",
      ["DATABASE_URL"],
      { MIGRATE_GUARD_ENVIRONMENT: "staging" },
    );
    expect(env).toEqual({
      PATH: "/usr/bin",
      APP_MODE: "seed",
      DATABASE_URL: "postgresql://app:pw@staging.db/app",
      MIGRATE_GUARD_ENVIRONMENT: "staging",
    });
  });
});
