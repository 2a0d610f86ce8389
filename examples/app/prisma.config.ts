// Prisma config for the example app. It runs Prisma's JavaScript schema engine through a driver
// adapter (`engine: "js"`) so that the example works on machines without internet access, where the
// native schema engine cannot be downloaded. A real app can keep Prisma's default engine: migrate-guard
// works with both.
import { defineConfig, env } from "prisma/config";
import { offlinePg } from "prisma-offline-pg";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => offlinePg(env("APP_DATABASE_URL")),
});
