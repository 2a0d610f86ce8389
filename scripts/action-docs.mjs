#!/usr/bin/env node
// Generates the inputs/outputs tables of each action from its action.yml and writes them into the
// action's page under docs/, between `<!-- action-docs:NAME:start -->` and `<!-- action-docs:NAME:end -->`.
//
//   node scripts/action-docs.mjs            rewrite the blocks in the docs pages
//   node scripts/action-docs.mjs --check    exit 1 if a page is stale (CI)
//   --docs DIR                              read and write the pages in DIR instead of docs/ (tests)
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** NAME in the markers → the action.yml its tables come from (relative to the repository root). */
export const ACTIONS = {
  verify: "action.yml",
  postgres: "actions/postgres/action.yml",
  lint: "actions/lint/action.yml",
  migrate: "actions/migrate/action.yml",
  rollback: "actions/rollback/action.yml",
  "test-data": "actions/test-data/action.yml",
  gate: "actions/gate/action.yml",
};

/** NAME → the page (in docs/) that holds its tables. */
export const PAGES = {
  verify: "verify.md",
  postgres: "postgres.md",
  lint: "lint.md",
  migrate: "migrate.md",
  rollback: "rollback.md",
  "test-data": "test-data.md",
  gate: "gate.md",
};

/** One table cell: a single line, `|` escaped. */
function cell(text) {
  return String(text).replace(/\s+/g, " ").trim().replace(/\|/g, "\\|");
}

function code(value) {
  const s = String(value);
  // A backtick inside the value needs a longer fence.
  return s.includes("`") ? `\`\` ${s} \`\`` : `\`${s}\``;
}

/** The markdown that goes between the markers of one action. */
export function renderAction(name, actionYml) {
  const meta = YAML.parse(actionYml) ?? {};
  const inputs = Object.entries(meta.inputs ?? {});
  const outputs = Object.entries(meta.outputs ?? {});
  const source = ACTIONS[name] ?? "action.yml";
  const lines = [`<!-- Generated from ${source} by \`node scripts/action-docs.mjs\`: edit that file, not this table. -->`, ""];
  lines.push("**Inputs**", "");
  if (inputs.length === 0) {
    lines.push("None.");
  } else {
    lines.push("| Input | Description | Default |", "| --- | --- | --- |");
    for (const [id, spec] of inputs) {
      const s = spec ?? {};
      let def;
      if (s.default === undefined || s.default === null) def = s.required ? "**required**" : "";
      else def = String(s.default) === "" ? '`""`' : code(cell(s.default));
      lines.push(`| \`${id}\` | ${cell(s.description ?? "")} | ${def} |`);
    }
  }
  lines.push("", "**Outputs**", "");
  if (outputs.length === 0) {
    lines.push("None.");
  } else {
    lines.push("| Output | Description |", "| --- | --- |");
    for (const [id, spec] of outputs) lines.push(`| \`${id}\` | ${cell(spec?.description ?? "")} |`);
  }
  return lines.join("\n");
}

const startMarker = (name) => `<!-- action-docs:${name}:start -->`;
const endMarker = (name) => `<!-- action-docs:${name}:end -->`;

/** A page's text with the blocks of `names` regenerated. Throws if a marker pair is missing or broken. */
export function updatePage(text, names, root = repoRoot) {
  let out = text;
  for (const name of names) {
    const start = startMarker(name);
    const end = endMarker(name);
    const i = out.indexOf(start);
    const j = out.indexOf(end);
    if (i < 0 || j < 0 || j < i) {
      throw new Error(`no well-formed block for "${name}": add the lines\n  ${start}\n  ${end}`);
    }
    if (out.indexOf(start, i + 1) >= 0) throw new Error(`more than one "${start}"`);
    const body = renderAction(name, readFileSync(path.join(root, ACTIONS[name]), "utf8"));
    out = `${out.slice(0, i + start.length)}\n${body}\n${out.slice(j)}`;
  }
  return out;
}

function main(argv) {
  const check = argv.includes("--check");
  const k = argv.indexOf("--docs");
  const docsDir = k >= 0 && argv[k + 1] ? path.resolve(argv[k + 1]) : path.join(repoRoot, "docs");
  const byPage = new Map();
  for (const [name, page] of Object.entries(PAGES)) byPage.set(page, [...(byPage.get(page) ?? []), name]);
  let stale = 0;
  for (const [page, names] of byPage) {
    const file = path.join(docsDir, page);
    const shown = path.relative(process.cwd(), file) || file;
    let current;
    try {
      current = readFileSync(file, "utf8");
    } catch {
      console.error(`action-docs: cannot read ${shown}`);
      return 1;
    }
    let next;
    try {
      next = updatePage(current, names);
    } catch (err) {
      console.error(`action-docs: ${shown}: ${err instanceof Error ? err.message : String(err)}`);
      return 1;
    }
    if (next === current) continue;
    stale++;
    if (check) console.error(`action-docs: ${shown} is stale; run: node scripts/action-docs.mjs`);
    else {
      writeFileSync(file, next);
      console.log(`action-docs: updated ${shown}`);
    }
  }
  if (check && stale > 0) return 1;
  console.log(check || stale === 0 ? "action-docs: docs are up to date" : `action-docs: ${stale} page(s) updated`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
