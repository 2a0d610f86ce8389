// 3-phase enforcement for DROP COLUMN / DROP TABLE. Removing data safely takes three deployments:
//   1. make it unnecessary in the database (column nullable; no foreign keys pointing at the table),
//   2. stop the code from reading it (for Prisma: @ignore the field / @@ignore the model, or delete it),
//   3. only then drop it.
// The evidence for 1 is the base state (migrations on the base branch); for 2 the base branch's
// schema.prisma. "Deployed to production" is a hook (`deployed`) that a production-aware caller can
// fill from the production database's _prisma_migrations; without it, "on the base branch" stands in.
import { columnDisplay, display } from "./ast.js";
import { modelOf } from "./prisma-models.js";
import type { Severity } from "../core/report.js";
import type { PhaseEvidence, StatementContext } from "./types.js";

export type { PhaseEvidence } from "./types.js";

export interface PhaseVerdict {
  severity: Severity;
  /** The sentence after "Dropping X": which phase is missing and what to do. */
  explanation: string;
}

type Phase2 = "done" | "missing" | "unknown";

function codePhase(evidence: PhaseEvidence, table: string, column?: string): Phase2 {
  if (!evidence.baseModels) return "unknown";
  const model = modelOf(evidence.baseModels, table);
  if (!model || model.ignored) return "done";
  if (column === undefined) return "missing";
  const field = model.fields.get(column);
  return !field || field.ignored ? "done" : "missing";
}

/** How to give the linter the evidence it lacks (said in every "unknown" verdict). */
export const EVIDENCE_HINT =
  "Give the evidence by linting the Prisma project against its base branch (`migrate-guard lint --working-directory DIR --base-ref REF`; the lint action: `working-directory`, `base-ref`), or, once checked by hand, ignore the finding with a reason.";

/**
 * Only evidence downgrades: a destructive change is a notice when both phases are shown to have
 * shipped, and stays an error when either is missing or unknown (file mode, no base branch).
 */
function verdict(missing: string[], unknownEvidence: string[], check: string): PhaseVerdict {
  if (missing.length) return { severity: "error", explanation: [...missing, ...unknownEvidence].join(" ") };
  if (unknownEvidence.length)
    return { severity: "error", explanation: `${unknownEvidence.join(" ")} Unknown is not safe: ${check} ${EVIDENCE_HINT}` };
  return { severity: "notice", explanation: "Phases 1 and 2 shipped on the base branch: the data loss is deliberate." };
}

function phase2Unknown(what: string): string {
  return `Phase 2 unknown: without the base branch's schema.prisma nothing shows that deployed code stopped reading ${what}.`;
}

function deployedNote(evidence: PhaseEvidence, migration: string | undefined): string | undefined {
  if (!migration || !evidence.deployed) return undefined;
  return evidence.deployed(migration) === false
    ? `Phase 1 (migration ${migration}) is not deployed to production yet: deploy it first.`
    : undefined;
}

export function dropColumnVerdict(ctx: StatementContext, table: string, column: string): PhaseVerdict {
  const col = ctx.state.column(table, column);
  const name = columnDisplay(table, column);
  const missing: string[] = [];
  if (col?.notNull) {
    missing.push(
      `Phase 1 missing: ${name} is NOT NULL. First ship a migration that makes it nullable (\`ALTER TABLE … ALTER COLUMN … DROP NOT NULL\`; in schema.prisma make the field optional) and deploy it everywhere.`,
    );
  } else if (col?.nullableSince && ctx.groupOf(col.nullableSince) === ctx.group) {
    missing.push(
      `Phase 1 is in this same change (${col.nullableSince} makes it nullable): ship and deploy that migration first, then drop in a later one.`,
    );
  } else {
    const note = deployedNote(ctx.evidence, col?.nullableSince);
    if (note) missing.push(note);
  }
  const unknown: string[] = [];
  if (!col)
    unknown.push(`Phase 1 unknown: no migration the linter saw creates ${name}, so nothing shows it was made nullable and deployed.`);
  const phase2 = codePhase(ctx.evidence, table, column);
  if (phase2 === "missing") {
    missing.push(
      `Phase 2 missing: schema.prisma on the base branch still has the field for ${name}, so deployed Prisma Client selects it and fails once it is gone. Mark the field \`@ignore\` (or remove its code references and the field) and deploy first.`,
    );
  } else if (phase2 === "unknown") unknown.push(phase2Unknown(name));
  return verdict(
    missing,
    unknown,
    `make sure the column is nullable in production and no deployed code reads ${name} (Prisma: the field must be @ignore'd or removed in the deployed schema) before dropping it.`,
  );
}

export function dropTableVerdict(ctx: StatementContext, table: string, droppedHere: Set<string>): PhaseVerdict {
  const missing: string[] = [];
  // Foreign keys into the table from tables that stay: still there now, or removed only in this change.
  const remaining = ctx.state.foreignKeysInto(table).filter((fk) => !droppedHere.has(fk.from) && ctx.isExistingTable(fk.from));
  const removedNow = ctx.state.data.removedForeignKeys.filter(
    (fk) =>
      fk.to === table &&
      ctx.groupOf(fk.removedIn) === ctx.group &&
      !droppedHere.has(fk.from) &&
      ctx.isExistingTable(fk.from) &&
      ctx.groupOf(fk.createdIn) !== ctx.group,
  );
  const refs = [...remaining, ...removedNow].map((fk) => `${display(fk.from)} (${fk.name})`);
  if (refs.length) {
    missing.push(
      `Phase 1 missing: ${[...new Set(refs)].join(", ")} still reference${refs.length === 1 ? "s" : ""} it on the base branch. First ship a migration that drops those foreign keys (and the code that follows them) and deploy it.`,
    );
  }
  const unknown: string[] = [];
  if (!ctx.state.table(table))
    unknown.push(
      `Phase 1 unknown: no migration the linter saw creates ${display(table)}, so nothing shows that no foreign key still points at it.`,
    );
  const phase2 = codePhase(ctx.evidence, table);
  if (phase2 === "missing") {
    missing.push(
      `Phase 2 missing: schema.prisma on the base branch still has its model, so deployed code can query it. Mark the model \`@@ignore\` (or remove it and its code) and deploy first.`,
    );
  } else if (phase2 === "unknown") unknown.push(phase2Unknown(display(table)));
  return verdict(
    missing,
    unknown,
    `make sure no foreign key points at it and no deployed code queries ${display(table)} (Prisma: the model must be @@ignore'd or removed in the deployed schema) before dropping it.`,
  );
}
