import { describe, expect, test } from "@jest/globals";
import { hits, USERS } from "../support.js";

describe("constraint-not-valid", () => {
  test("a foreign key on an existing table without NOT VALID warns, naming both tables", async () => {
    const [f] = await hits(
      "constraint-not-valid",
      `ALTER TABLE "Post" ADD CONSTRAINT "Post_editor_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id");`,
      { base: [USERS] },
    );
    expect(f).toMatchObject({ severity: "warning" });
    expect(f!.message).toMatch(/SHARE ROW EXCLUSIVE on "Post" and "User"/);
  });
  test("a check constraint too; NOT VALID, or a new table, is fine", async () => {
    expect(
      await hits("constraint-not-valid", `ALTER TABLE "User" ADD CONSTRAINT "age_ok" CHECK ("age" >= 0);`, { base: [USERS] }),
    ).toHaveLength(1);
    expect(
      await hits("constraint-not-valid", `ALTER TABLE "User" ADD CONSTRAINT "age_ok" CHECK ("age" >= 0) NOT VALID;`, { base: [USERS] }),
    ).toEqual([]);
    expect(
      await hits(
        "constraint-not-valid",
        `CREATE TABLE "C" ("id" TEXT, "userId" TEXT);\nALTER TABLE "C" ADD CONSTRAINT "C_fk" FOREIGN KEY ("userId") REFERENCES "User"("id");`,
        { base: [USERS] },
      ),
    ).toEqual([]);
  });
});
