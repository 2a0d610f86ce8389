import { ConfigurationError, redact } from "./errors.js";

describe("redact", () => {
  test.each([
    ["postgres://app:hunter22@db.internal:5432/app", "postgres://***@db.internal:5432/app"],
    ["postgresql://app:hunter22@db/app?sslmode=require", "postgresql://***@db/app?sslmode=require"],
    ["POSTGRES://App:Hunter22@db/app", "POSTGRES://***@db/app"],
    ["postgresql://app:s3cr%40t@db/app", "postgresql://***@db/app"],
    ["postgresql://app:pa:ss@db/app", "postgresql://***@db/app"],
    ["prisma+postgres://key:hunter22@accelerate.prisma-data.net/", "prisma+postgres://***@accelerate.prisma-data.net/"],
  ])("regression: the password in %s never survives", (input, expected) => {
    const out = redact(input);
    expect(out).toBe(expected);
    expect(out).not.toMatch(/hunter22|s3cr|pa:ss/i);
  });

  test("URLs inside longer messages are masked, every one of them", () => {
    const message = "P1001: Can't reach postgres://u:hunter22@127.0.0.1:5432/x; retried with postgresql://v:letmein99@10.0.0.1/y";
    const out = redact(message);
    expect(out).toBe("P1001: Can't reach postgres://***@127.0.0.1:5432/x; retried with postgresql://***@10.0.0.1/y");
  });

  test("a user without password is masked too", () => {
    expect(redact("postgres://deploy@db/app")).toBe("postgres://***@db/app");
  });

  test("text without credentials is unchanged", () => {
    const text = "Applied 3 migrations to postgresql://localhost:5432/app in 1.2s; see https://pris.ly/d/migrate";
    expect(redact(text)).toBe(text);
  });

  test("explicit secrets are replaced wherever they appear", () => {
    const token = "ghp_abcdefghijklmnop";
    expect(redact(`token=${token} and again ${token}.`, [token])).toBe("token=*** and again ***.");
  });

  test("several secrets at once, and the URL rule still applies afterwards", () => {
    const out = redact("key=AKIA1234 url=postgres://u:pw1234@h/d", ["AKIA1234", "pw1234"]);
    expect(out).not.toContain("AKIA1234");
    expect(out).not.toContain("pw1234");
    expect(out).toBe("key=*** url=postgres://***@h/d");
  });

  test("a secret given as a whole URL is replaced as a whole", () => {
    const url = "postgres://u:pw@host:5432/db";
    expect(redact(`connecting to ${url}`, [url])).toBe("connecting to ***");
  });

  test("empty and very short secrets are not used (they would mangle every message)", () => {
    expect(redact("a b c abc", ["", "a", "abc"])).toBe("a b c abc");
  });

  // Bug: the userinfo pattern stops at the first "@". Node's URL parser (and so node-postgres) splits
  // at the last one, so "p@ss" is a working password and its tail survives: "postgres://***@ss@db/app".
  test("regression: a password with an unencoded @ does not survive", () => {
    const out = redact("error connecting to postgres://app:p@ssw0rd@db:5432/app");
    expect(out).not.toContain("ssw0rd");
  });

  // Bug: an empty user name ("postgres://:password@host") does not match ([^/@\s:]+ needs one
  // character), so the whole password stays in the text.
  test("regression: a URL with an empty user name and a password does not keep the password", () => {
    const out = redact("postgres://:hunter22@db:5432/app");
    expect(out).not.toContain("hunter22");
  });
});

describe("ConfigurationError", () => {
  test("is an Error with its own name and the message given", () => {
    const error = new ConfigurationError('--schema "nope.prisma" does not exist');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.name).toBe("ConfigurationError");
    expect(error.message).toBe('--schema "nope.prisma" does not exist');
    expect(String(error)).toBe('ConfigurationError: --schema "nope.prisma" does not exist');
  });
});
