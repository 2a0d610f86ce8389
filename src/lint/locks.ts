// The table locks a statement takes, as PostgreSQL documents them ("Explicit Locking", and each
// command's reference page). The static model behind the locking rules; verify also measures the real
// locks on a scratch database (src/verify/measured-locks.ts) and describes them with LOCK_EFFECT.
import { dropObjectKey, rangeVarKey } from "./ast.js";
import type { ParsedStatement } from "./parse.js";
import type { SchemaState } from "./state.js";

export type LockMode =
  | "ACCESS SHARE"
  | "ROW SHARE"
  | "ROW EXCLUSIVE"
  | "SHARE UPDATE EXCLUSIVE"
  | "SHARE"
  | "SHARE ROW EXCLUSIVE"
  | "EXCLUSIVE"
  | "ACCESS EXCLUSIVE";

/** Weakest first. */
export const LOCK_MODES: LockMode[] = [
  "ACCESS SHARE",
  "ROW SHARE",
  "ROW EXCLUSIVE",
  "SHARE UPDATE EXCLUSIVE",
  "SHARE",
  "SHARE ROW EXCLUSIVE",
  "EXCLUSIVE",
  "ACCESS EXCLUSIVE",
];

/** What other sessions can no longer do while the lock is held. */
export const LOCK_EFFECT: Record<LockMode, string> = {
  "ACCESS SHARE": "blocks only ACCESS EXCLUSIVE (DDL); reads and writes continue",
  "ROW SHARE": "blocks EXCLUSIVE and ACCESS EXCLUSIVE; reads and writes continue",
  "ROW EXCLUSIVE": "blocks SHARE and stronger (CREATE INDEX, most DDL); reads and writes continue",
  "SHARE UPDATE EXCLUSIVE": "blocks other schema changes and VACUUM; reads and writes continue",
  SHARE: "blocks writes (INSERT, UPDATE, DELETE); reads continue",
  "SHARE ROW EXCLUSIVE": "blocks writes and other SHARE ROW EXCLUSIVE locks; reads continue",
  EXCLUSIVE: "blocks writes and row-locking reads (SELECT … FOR UPDATE); plain reads continue",
  "ACCESS EXCLUSIVE": "blocks reads and writes",
};

export function stronger(a: LockMode, b: LockMode): LockMode {
  return LOCK_MODES.indexOf(a) >= LOCK_MODES.indexOf(b) ? a : b;
}

/** pg_locks.mode ("AccessExclusiveLock") → "ACCESS EXCLUSIVE". */
export function fromPgLockMode(mode: string): LockMode | undefined {
  const words = mode
    .replace(/Lock$/, "")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toUpperCase();
  return (LOCK_MODES as string[]).includes(words) ? (words as LockMode) : undefined;
}

export interface TableLock {
  table: string;
  mode: LockMode;
}

const AT_WEAKER: Record<string, LockMode> = {
  AT_ValidateConstraint: "SHARE UPDATE EXCLUSIVE",
  AT_SetStatistics: "SHARE UPDATE EXCLUSIVE",
  AT_SetRelOptions: "SHARE UPDATE EXCLUSIVE",
  AT_ResetRelOptions: "SHARE UPDATE EXCLUSIVE",
  AT_ClusterOn: "SHARE UPDATE EXCLUSIVE",
  AT_DropCluster: "SHARE UPDATE EXCLUSIVE",
  AT_AttachPartition: "SHARE UPDATE EXCLUSIVE",
  AT_DetachPartitionFinalize: "SHARE UPDATE EXCLUSIVE",
  AT_EnableTrig: "SHARE ROW EXCLUSIVE",
  AT_DisableTrig: "SHARE ROW EXCLUSIVE",
};

/** Table locks of one statement; the strongest per table. `state` resolves indexes to their tables. */
export function statementLocks(stmt: ParsedStatement, state: SchemaState): TableLock[] {
  const n = stmt.node;
  const locks = new Map<string, LockMode>();
  const add = (table: string, mode: LockMode) => locks.set(table, stronger(mode, locks.get(table) ?? "ACCESS SHARE"));
  switch (stmt.kind) {
    case "AlterTableStmt": {
      if (n.objtype === "OBJECT_INDEX") break;
      const table = rangeVarKey(n.relation);
      for (const item of n.cmds ?? []) {
        const cmd = item.AlterTableCmd;
        const con = cmd?.def?.Constraint;
        if (cmd?.subtype === "AT_AddConstraint" && con?.contype === "CONSTR_FOREIGN") {
          add(table, "SHARE ROW EXCLUSIVE");
          add(rangeVarKey(con.pktable), "SHARE ROW EXCLUSIVE");
        } else {
          add(table, AT_WEAKER[cmd?.subtype] ?? "ACCESS EXCLUSIVE");
        }
      }
      break;
    }
    case "IndexStmt":
      add(rangeVarKey(n.relation), n.concurrent ? "SHARE UPDATE EXCLUSIVE" : "SHARE");
      break;
    case "DropStmt":
      for (const obj of n.objects ?? []) {
        const k = dropObjectKey(obj);
        if (n.removeType === "OBJECT_TABLE") add(k, "ACCESS EXCLUSIVE");
        else if (n.removeType === "OBJECT_INDEX") {
          const table = state.index(k)?.table;
          if (table) add(table, n.concurrent ? "SHARE UPDATE EXCLUSIVE" : "ACCESS EXCLUSIVE");
        }
      }
      break;
    case "RenameStmt":
      if (n.renameType === "OBJECT_INDEX") {
        const table = state.index(rangeVarKey(n.relation))?.table;
        if (table) add(table, "SHARE UPDATE EXCLUSIVE");
      } else if (n.relation && ["OBJECT_TABLE", "OBJECT_COLUMN", "OBJECT_TABCONSTRAINT"].includes(n.renameType)) {
        add(rangeVarKey(n.relation), "ACCESS EXCLUSIVE");
      }
      break;
    case "TruncateStmt":
      for (const rel of n.relations ?? []) add(rangeVarKey(rel.RangeVar), "ACCESS EXCLUSIVE");
      break;
    case "UpdateStmt":
    case "DeleteStmt":
    case "InsertStmt":
      if (n.relation) add(rangeVarKey(n.relation), "ROW EXCLUSIVE");
      break;
    case "CreateTrigStmt":
      add(rangeVarKey(n.relation), "SHARE ROW EXCLUSIVE");
      break;
    case "ClusterStmt":
      if (n.relation) add(rangeVarKey(n.relation), "ACCESS EXCLUSIVE");
      break;
    case "VacuumStmt": {
      const full = (n.options ?? []).some((o: { DefElem?: { defname?: string } }) => o.DefElem?.defname === "full");
      for (const rel of n.rels ?? [])
        if (rel.VacuumRelation?.relation)
          add(rangeVarKey(rel.VacuumRelation.relation), full ? "ACCESS EXCLUSIVE" : "SHARE UPDATE EXCLUSIVE");
      break;
    }
    case "RefreshMatViewStmt":
      add(rangeVarKey(n.relation), n.concurrent ? "EXCLUSIVE" : "ACCESS EXCLUSIVE");
      break;
    case "ReindexStmt":
      if (n.relation) {
        const concurrent = (n.params ?? []).some((o: { DefElem?: { defname?: string } }) => o.DefElem?.defname === "concurrently");
        add(rangeVarKey(n.relation), concurrent ? "SHARE UPDATE EXCLUSIVE" : "SHARE");
      }
      break;
  }
  return [...locks].map(([table, mode]) => ({ table, mode }));
}
