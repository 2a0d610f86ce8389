// The base-state model: what the migrations so far have built, stamped with who built it.
import { describe, expect, test } from "@jest/globals";
import { parseScript } from "../../src/lint/parse.js";
import { SchemaState } from "../../src/lint/state.js";
import { USERS } from "./support.js";

async function replay(state: SchemaState, sql: string, migration: string): Promise<SchemaState> {
  const script = await parseScript(sql);
  if (!script.ok) throw new Error(script.message);
  for (const s of script.statements) state.apply(s, migration);
  return state;
}

describe("SchemaState", () => {
  test("tables, columns (nullability, defaults), foreign keys, indexes and enums", async () => {
    const state = await replay(new SchemaState(), USERS, "m1");
    expect(state.column("public.User", "email")).toMatchObject({ notNull: true, hasDefault: false, createdIn: "m1" });
    expect(state.column("public.User", "name")).toMatchObject({ notNull: false, nullableSince: "m1" });
    expect(state.column("public.User", "age")).toMatchObject({ notNull: true, hasDefault: true });
    expect(state.foreignKeysInto("public.User").map((fk) => `${fk.from} ${fk.name}`)).toEqual(["public.Post Post_authorId_fkey"]);
    expect(state.index("public.User_email_key")).toMatchObject({ table: "public.User", unique: true, columns: ["email"] });
    expect(state.enumType("public.Role")?.values).toEqual(["USER", "ADMIN", "GUEST"]);
  });

  test("DROP NOT NULL records which migration made a column nullable; SET NOT NULL clears it", async () => {
    const state = await replay(new SchemaState(), USERS, "m1");
    await replay(state, `ALTER TABLE "User" ALTER COLUMN "email" DROP NOT NULL;`, "m2");
    expect(state.column("public.User", "email")).toMatchObject({ notNull: false, nullableSince: "m2" });
    await replay(state, `ALTER TABLE "User" ALTER COLUMN "email" SET NOT NULL;`, "m3");
    expect(state.column("public.User", "email")?.nullableSince).toBeUndefined();
  });

  test("renames follow tables, columns, indexes and enums; foreign keys follow renamed tables", async () => {
    const state = await replay(new SchemaState(), USERS, "m1");
    await replay(
      state,
      `ALTER TABLE "User" RENAME TO "Account";\nALTER TABLE "Account" RENAME COLUMN "name" TO "fullName";\nALTER INDEX "User_email_key" RENAME TO "Account_email_key";\nALTER TYPE "Role" RENAME TO "Kind";\nALTER TYPE "Kind" ADD VALUE 'OWNER' BEFORE 'ADMIN';`,
      "m2",
    );
    expect(state.table("public.User")).toBeUndefined();
    expect(state.table("public.Account")?.createdIn).toBe("m1");
    expect(state.column("public.Account", "fullName")?.createdIn).toBe("m1");
    expect(state.index("public.Account_email_key")?.table).toBe("public.Account");
    expect(state.foreignKeysInto("public.Account")).toHaveLength(1);
    expect(state.enumType("public.Kind")?.values).toEqual(["USER", "OWNER", "ADMIN", "GUEST"]);
  });

  test("drops remove what depends on them and remember removed foreign keys", async () => {
    const state = await replay(new SchemaState(), USERS, "m1");
    await replay(
      state,
      `ALTER TABLE "Post" DROP CONSTRAINT "Post_authorId_fkey";\nDROP TABLE "User";\nDROP INDEX "Post_authorId_idx";`,
      "m2",
    );
    expect(state.table("public.User")).toBeUndefined();
    expect(state.index("public.User_email_key")).toBeUndefined();
    expect(state.index("public.Post_authorId_idx")).toBeUndefined();
    expect(state.data.removedForeignKeys.map((fk) => [fk.name, fk.removedIn])).toEqual([["Post_authorId_fkey", "m2"]]);
  });

  test("the state is plain data: it survives a JSON round trip (the cache)", async () => {
    const state = await replay(new SchemaState(), USERS, "m1");
    const copy = new SchemaState(JSON.parse(JSON.stringify(state.data)));
    expect(copy.data).toEqual(state.data);
  });
});
