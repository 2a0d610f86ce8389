#!/usr/bin/env node
// Generates the inputs/outputs tables of each action from its action.yml and writes them into
// README.md between `<!-- action-docs:NAME:start -->` and `<!-- action-docs:NAME:end -->`.
//
//   node scripts/action-docs.mjs            rewrite the blocks in README.md
//   node scripts/action-docs.mjs --check    exit 1 if README.md is stale (CI)
//   --readme PATH                           use another README (tests)
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

/** README text with every action's block regenerated. Throws if a marker pair is missing or broken. */
export function updateReadme(readme, root = repoRoot) {
  let out = readme;
  for (const [name, file] of Object.entries(ACTIONS)) {
    const start = startMarker(name);
    const end = endMarker(name);
    const i = out.indexOf(start);
    const j = out.indexOf(end);
    if (i < 0 || j < 0 || j < i) {
      throw new Error(`README has no well-formed block for "${name}": add the lines\n  ${start}\n  ${end}`);
    }
    if (out.indexOf(start, i + 1) >= 0) throw new Error(`README has more than one "${start}"`);
    const body = renderAction(name, readFileSync(path.join(root, file), "utf8"));
    out = `${out.slice(0, i + start.length)}\n${body}\n${out.slice(j)}`;
  }
  return out;
}

function main(argv) {
  const check = argv.includes("--check");
  const k = argv.indexOf("--readme");
  const readmePath = k >= 0 && argv[k + 1] ? path.resolve(argv[k + 1]) : path.join(repoRoot, "README.md");
  let current;
  try {
    current = readFileSync(readmePath, "utf8");
  } catch {
    console.error(`action-docs: cannot read ${readmePath}`);
    return 1;
  }
  let next;
  try {
    next = updateReadme(current);
  } catch (err) {
    console.error(`action-docs: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  if (check) {
    if (next !== current) {
      console.error(`action-docs: ${path.relative(process.cwd(), readmePath) || readmePath} is stale; run: node scripts/action-docs.mjs`);
      return 1;
    }
    console.log("action-docs: README is up to date");
    return 0;
  }
  if (next !== current) {
    writeFileSync(readmePath, next);
    console.log(`action-docs: updated ${readmePath}`);
  } else {
    console.log("action-docs: README already up to date");
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
