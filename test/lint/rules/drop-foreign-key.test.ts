import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

describe("drop-foreign-key", () => {
  test("dropping an existing foreign key warns", async () => {
    const [f] = await hits("drop-foreign-key", `ALTER TABLE "Post" DROP CONSTRAINT "Post_authorId_fkey";`, { base: [USERS] });
    expect(f).toMatchObject({ severity: "warning" });
    expect(f!.message).toMatch(/"Post".authorId → "User"/);
  });
  test("not when re-created (Prisma's ON DELETE change), or when its column or table goes too", async () => {
    const readd = `ALTER TABLE "Post" DROP CONSTRAINT "Post_authorId_fkey";\nALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE;`;
    expect(await hits("drop-foreign-key", readd, { base: [USERS] })).toEqual([]);
    expect(
      await hits(
        "drop-foreign-key",
        `ALTER TABLE "Post" DROP CONSTRAINT "Post_authorId_fkey";\nALTER TABLE "Post" DROP COLUMN "authorId";`,
        { base: [USERS] },
      ),
    ).toEqual([]);
    expect(
      await hits("drop-foreign-key", `ALTER TABLE "Post" DROP CONSTRAINT "Post_authorId_fkey";\nDROP TABLE "Post";`, { base: [USERS] }),
    ).toEqual([]);
  });
  test("file mode: a constraint named like a foreign key on a table without history is reported as unknown; re-created it is not", async () => {
    const [f] = await hits("drop-foreign-key", `ALTER TABLE "Order" DROP CONSTRAINT "Order_customerId_fkey";`);
    expect(f).toMatchObject({ severity: "warning" });
    expect(f!.message).toMatch(/no migration the linter saw defines it/);
    expect(
      await hits(
        "drop-foreign-key",
        `ALTER TABLE "Order" DROP CONSTRAINT "Order_customerId_fkey";\nALTER TABLE "Order" ADD CONSTRAINT "Order_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE;`,
      ),
    ).toEqual([]);
    expect(await hits("drop-foreign-key", `ALTER TABLE "Order" DROP CONSTRAINT "Order_total_check";`)).toEqual([]);
  });
});
