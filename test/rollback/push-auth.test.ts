// The revert branch is pushed with the action's github-token even when actions/checkout saved its own
// token in the repository's git config (as it does by default): exactly one Authorization header, ours,
// and the token never on git's command line. Real git against a local HTTP server that records headers.
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { assertBranchFree } from "../../src/rollback/pull-request.js";

let server: http.Server;
let origin: string;
const seen: (string | string[] | undefined)[] = [];
let dir: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.headers.authorization);
    res.writeHead(403, { "content-type": "text/plain" }).end("denied");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(path.join(os.tmpdir(), "mg-push-auth-"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir });
  git("init", "-q");
  git("remote", "add", "origin", `${origin}/acme/shop.git`);
  // What actions/checkout leaves behind (persist-credentials: true).
  git("config", `http.${origin}/.extraheader`, `AUTHORIZATION: basic ${Buffer.from("x-access-token:ghs_checkout").toString("base64")}`);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

test("git sends only the given token, not the one actions/checkout saved", async () => {
  const token = "ghp_given_0123456789";
  const error = await assertBranchFree({ repoRoot: dir, branch: "migrate-guard/revert-x", token }).then(
    () => undefined,
    (e: Error) => e,
  );
  expect(error).toBeInstanceOf(Error);
  expect(error!.message).not.toContain(token);
  expect(error!.message).not.toContain(Buffer.from(`x-access-token:${token}`).toString("base64"));
  expect(seen.length).toBeGreaterThan(0);
  for (const header of seen) expect(header).toBe(`basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}`);
});
