import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pruneTemplates } from "./data-dir.js";

describe("pruneTemplates", () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "mg-templates-"));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("removes the other templates of the new one's major and keeps other majors and foreign entries", async () => {
    const names = ["15-3bcf3fe40f0b68cc", "15-0123456789abcdef", "16-aaaaaaaaaaaaaaaa", ".build-x1", "notes"];
    for (const n of names) await mkdir(path.join(root, n, "base"), { recursive: true });
    expect(await pruneTemplates(root, "15-3bcf3fe40f0b68cc")).toEqual(["15-0123456789abcdef"]);
    expect((await readdir(root)).sort()).toEqual([".build-x1", "15-3bcf3fe40f0b68cc", "16-aaaaaaaaaaaaaaaa", "notes"]);
  });

  it("never throws on a missing folder", async () => {
    expect(await pruneTemplates(path.join(root, "missing"), "15-3bcf3fe40f0b68cc")).toEqual([]);
  });
});
