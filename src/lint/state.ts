// The schema as the migrations so far have built it: tables, columns, foreign keys, indexes, enums,
// each stamped with the migration that created (or changed) it. Rules ask it whether a table "exists"
// (holds rows from before this change set) and what a column looked like on the base branch.
import { columnInfo, dropObjectKey, indexColumns, key, listKey, rangeVarKey, strings, typeString } from "./ast.js";
import type { Node, ParsedStatement } from "./parse.js";

export interface ColumnState {
  name: string;
  type: string;
  notNull: boolean;
  hasDefault: boolean;
  /** Migration that added the column. */
  createdIn: string;
  /** Migration that last made the column nullable (or created it nullable); undefined while NOT NULL. */
  nullableSince?: string;
}

export interface ForeignKeyState {
  name: string;
  /** Referencing table key. */
  from: string;
  columns: string[];
  /** Referenced table key. */
  to: string;
  createdIn: string;
}

export interface TableState {
  key: string;
  createdIn: string;
  columns: Record<string, ColumnState>;
  foreignKeys: Record<string, ForeignKeyState>;
}

export interface IndexState {
  key: string;
  table: string;
  unique: boolean;
  columns: string[];
  createdIn: string;
}

export interface EnumState {
  key: string;
  values: string[];
  createdIn: string;
}

/** Plain data, so the state can be cached as JSON between runs. */
export interface SchemaStateData {
  tables: Record<string, TableState>;
  indexes: Record<string, IndexState>;
  enums: Record<string, EnumState>;
  /** Foreign keys removed (dropped, or with their table), newest last: the 3-phase check of DROP TABLE reads them. */
  removedForeignKeys: (ForeignKeyState & { removedIn: string })[];
}

/** Whether apply() can change the enums for this statement (create, alter, rename, drop a type or schema). */
export function changesEnums(stmt: ParsedStatement): boolean {
  switch (stmt.kind) {
    case "CreateEnumStmt":
    case "AlterEnumStmt":
      return true;
    case "RenameStmt":
      return stmt.node.renameType === "OBJECT_TYPE";
    case "DropStmt":
      return stmt.node.removeType === "OBJECT_TYPE" || stmt.node.removeType === "OBJECT_SCHEMA";
    default:
      return false;
  }
}

export class SchemaState {
  readonly data: SchemaStateData;
  /** Columns dropped since the last resetDropped() (the linter resets per migration), with their last state. */
  droppedColumns: { table: string; column: ColumnState }[] = [];

  resetDropped(): void {
    this.droppedColumns = [];
  }

  constructor(data?: SchemaStateData) {
    this.data = data ?? { tables: {}, indexes: {}, enums: {}, removedForeignKeys: [] };
  }

  table(k: string): TableState | undefined {
    return this.data.tables[k];
  }

  column(k: string, column: string): ColumnState | undefined {
    return this.data.tables[k]?.columns[column];
  }

  index(k: string): IndexState | undefined {
    return this.data.indexes[k];
  }

  enumType(k: string): EnumState | undefined {
    return this.data.enums[k];
  }

  /** Foreign keys of other tables that reference `k`. */
  foreignKeysInto(k: string): ForeignKeyState[] {
    const result: ForeignKeyState[] = [];
    // for…in, not Object.values: called per DROP TABLE, it walks every table without copying them.
    for (const tk in this.data.tables) {
      const t = this.data.tables[tk]!;
      if (t.key === k) continue;
      for (const name in t.foreignKeys) {
        const fk = t.foreignKeys[name]!;
        if (fk.to === k) result.push(fk);
      }
    }
    return result;
  }

  /** Applies one statement. Unknown or dynamic statements change nothing (they cannot be modelled). */
  apply(stmt: ParsedStatement, migration: string): void {
    const n = stmt.node;
    switch (stmt.kind) {
      case "CreateStmt":
        return this.createTable(n, migration);
      case "CreateTableAsStmt": {
        const rel = n.into?.rel;
        if (rel) this.data.tables[rangeVarKey(rel)] = { key: rangeVarKey(rel), createdIn: migration, columns: {}, foreignKeys: {} };
        return;
      }
      case "AlterTableStmt":
        return this.alterTable(n, migration);
      case "IndexStmt": {
        const idxKey = key(n.relation?.schemaname, n.idxname ?? `${n.relation?.relname}_idx`);
        this.data.indexes[idxKey] = {
          key: idxKey,
          table: rangeVarKey(n.relation),
          unique: Boolean(n.unique),
          columns: indexColumns(n.indexParams),
          createdIn: migration,
        };
        return;
      }
      case "CreateEnumStmt": {
        const k = listKey(n.typeName);
        this.data.enums[k] = { key: k, values: strings(n.vals), createdIn: migration };
        return;
      }
      case "AlterEnumStmt":
        return this.alterEnum(n);
      case "RenameStmt":
        return this.rename(n);
      case "DropStmt":
        return this.drop(n, migration);
    }
  }

  private createTable(n: Node, migration: string): void {
    const k = rangeVarKey(n.relation);
    const table: TableState = { key: k, createdIn: migration, columns: {}, foreignKeys: {} };
    this.data.tables[k] = table;
    for (const elt of n.tableElts ?? []) {
      if (elt.ColumnDef) {
        const c = columnInfo(elt.ColumnDef);
        this.addColumn(table, c.name, c.type, c.notNull, c.defaultExpr !== undefined || c.generated, migration);
        if (c.references) this.addForeignKey(table, `${table.key}_${c.name}_fkey`, [c.name], c.references.table, migration);
      } else if (elt.Constraint) {
        this.addConstraint(table, elt.Constraint, migration);
      }
    }
  }

  private addColumn(table: TableState, name: string, type: string, notNull: boolean, hasDefault: boolean, migration: string): void {
    const column: ColumnState = { name, type, notNull, hasDefault, createdIn: migration };
    if (!notNull) column.nullableSince = migration;
    table.columns[name] = column;
  }

  private addForeignKey(table: TableState, name: string, columns: string[], to: string, migration: string): void {
    table.foreignKeys[name] = { name, from: table.key, columns, to, createdIn: migration };
  }

  private addConstraint(table: TableState, con: Node, migration: string): void {
    const keys = strings(con.keys);
    if (con.contype === "CONSTR_FOREIGN") {
      this.addForeignKey(table, con.conname ?? `${table.key}_fkey`, strings(con.fk_attrs), rangeVarKey(con.pktable), migration);
    } else if (con.contype === "CONSTR_PRIMARY" || con.contype === "CONSTR_UNIQUE") {
      const idxKey = key(table.key.slice(0, table.key.indexOf(".")), con.conname ?? `${table.key}_${keys.join("_")}_key`);
      this.data.indexes[idxKey] = { key: idxKey, table: table.key, unique: true, columns: keys, createdIn: migration };
      if (con.contype === "CONSTR_PRIMARY") for (const c of keys) if (table.columns[c]) table.columns[c]!.notNull = true;
    }
  }

  private removeForeignKey(table: TableState, name: string, migration: string): void {
    const fk = table.foreignKeys[name];
    if (!fk) return;
    delete table.foreignKeys[name];
    this.data.removedForeignKeys.push({ ...fk, removedIn: migration });
  }

  private alterTable(n: Node, migration: string): void {
    if (n.objtype && n.objtype !== "OBJECT_TABLE") return;
    const table = this.data.tables[rangeVarKey(n.relation)];
    if (!table) return;
    for (const item of n.cmds ?? []) {
      const cmd = item.AlterTableCmd;
      const col = cmd?.name ? table.columns[cmd.name] : undefined;
      switch (cmd?.subtype) {
        case "AT_AddColumn": {
          const c = columnInfo(cmd.def.ColumnDef);
          this.addColumn(table, c.name, c.type, c.notNull, c.defaultExpr !== undefined || c.generated, migration);
          if (c.references) this.addForeignKey(table, `${table.key}_${c.name}_fkey`, [c.name], c.references.table, migration);
          break;
        }
        case "AT_DropColumn":
          if (col) this.droppedColumns.push({ table: table.key, column: col });
          delete table.columns[cmd.name];
          for (const fk of Object.values(table.foreignKeys))
            if (fk.columns.includes(cmd.name)) this.removeForeignKey(table, fk.name, migration);
          break;
        case "AT_SetNotNull":
          if (col) {
            col.notNull = true;
            delete col.nullableSince;
          }
          break;
        case "AT_DropNotNull":
          if (col?.notNull) {
            col.notNull = false;
            col.nullableSince = migration;
          }
          break;
        case "AT_AlterColumnType":
          if (col) col.type = typeString(cmd.def?.ColumnDef?.typeName);
          break;
        case "AT_ColumnDefault":
          if (col) col.hasDefault = cmd.def !== undefined;
          break;
        case "AT_AddConstraint":
          this.addConstraint(table, cmd.def?.Constraint, migration);
          break;
        case "AT_DropConstraint":
          this.removeForeignKey(table, cmd.name, migration);
          for (const ik in this.data.indexes) {
            const idx = this.data.indexes[ik]!;
            if (idx.table === table.key && idx.key.endsWith(`.${cmd.name}`)) delete this.data.indexes[idx.key];
          }
          break;
      }
    }
  }

  // Enum records are replaced, never edited: the linter's snapshot of the enums at a migration's
  // start is a shallow copy of the map, taken only when a statement changes an enum (changesEnums).
  private alterEnum(n: Node): void {
    const k = listKey(n.typeName);
    const e = this.data.enums[k];
    if (!e) return;
    if (n.oldVal) {
      this.data.enums[k] = { ...e, values: e.values.map((v) => (v === n.oldVal ? n.newVal : v)) };
    } else if (n.newVal && !e.values.includes(n.newVal)) {
      const at = n.newValNeighbor ? e.values.indexOf(n.newValNeighbor) : -1;
      const values = [...e.values];
      if (at < 0) values.push(n.newVal);
      else values.splice(n.newValIsAfter ? at + 1 : at, 0, n.newVal); // false is omitted from the AST
      this.data.enums[k] = { ...e, values };
    }
  }

  private rename(n: Node): void {
    const schema = n.relation?.schemaname;
    switch (n.renameType) {
      case "OBJECT_TABLE": {
        const from = rangeVarKey(n.relation);
        const table = this.data.tables[from];
        if (!table) return;
        const to = key(schema, n.newname);
        delete this.data.tables[from];
        table.key = to;
        this.data.tables[to] = table;
        for (const t of Object.values(this.data.tables))
          for (const fk of Object.values(t.foreignKeys)) {
            if (fk.to === from) fk.to = to;
            if (fk.from === from) fk.from = to;
          }
        for (const idx of Object.values(this.data.indexes)) if (idx.table === from) idx.table = to;
        return;
      }
      case "OBJECT_COLUMN": {
        const table = this.data.tables[rangeVarKey(n.relation)];
        const col = table?.columns[n.subname];
        if (!table || !col) return;
        delete table.columns[n.subname];
        col.name = n.newname;
        table.columns[n.newname] = col;
        return;
      }
      case "OBJECT_INDEX": {
        const from = rangeVarKey(n.relation);
        const idx = this.data.indexes[from];
        if (!idx) return;
        delete this.data.indexes[from];
        idx.key = key(schema, n.newname);
        this.data.indexes[idx.key] = idx;
        return;
      }
      case "OBJECT_TABCONSTRAINT": {
        const table = this.data.tables[rangeVarKey(n.relation)];
        const fk = table?.foreignKeys[n.subname];
        if (table && fk) {
          delete table.foreignKeys[n.subname];
          fk.name = n.newname;
          table.foreignKeys[n.newname] = fk;
        }
        return;
      }
      case "OBJECT_TYPE": {
        const from = listKey(n.object?.List?.items);
        const e = this.data.enums[from];
        if (!e) return;
        delete this.data.enums[from];
        const to = key(from.slice(0, from.indexOf(".")), n.newname);
        this.data.enums[to] = { ...e, key: to };
        return;
      }
    }
  }

  private drop(n: Node, migration: string): void {
    for (const obj of n.objects ?? []) {
      const k = dropObjectKey(obj);
      switch (n.removeType) {
        case "OBJECT_TABLE":
        case "OBJECT_VIEW":
        case "OBJECT_MATVIEW": {
          const table = this.data.tables[k];
          if (!table) break;
          for (const fk of Object.values(table.foreignKeys)) this.removeForeignKey(table, fk.name, migration);
          // CASCADE (or a failing RESTRICT) removes the foreign keys that point at it.
          for (const fk of this.foreignKeysInto(k)) this.removeForeignKey(this.data.tables[fk.from]!, fk.name, migration);
          delete this.data.tables[k];
          for (const ik in this.data.indexes) {
            const idx = this.data.indexes[ik]!;
            if (idx.table === k) delete this.data.indexes[idx.key];
          }
          break;
        }
        case "OBJECT_INDEX":
          delete this.data.indexes[k];
          break;
        case "OBJECT_TYPE":
          delete this.data.enums[k];
          break;
        case "OBJECT_SCHEMA": {
          const prefix = `${k}.`;
          for (const t of Object.keys(this.data.tables)) if (t.startsWith(prefix)) delete this.data.tables[t];
          for (const i of Object.keys(this.data.indexes)) if (i.startsWith(prefix)) delete this.data.indexes[i];
          for (const e of Object.keys(this.data.enums)) if (e.startsWith(prefix)) delete this.data.enums[e];
          break;
        }
      }
    }
  }
}
