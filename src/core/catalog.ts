// A database schema as plain data (read by src/postgres/catalog-reader.ts), limited to what Prisma
// manages: tables, columns, primary/unique/foreign keys, indexes and enums. Check constraints,
// triggers, functions and views are not in schema.prisma and are left out on purpose.

export interface Column {
  name: string;
  /** format_type(), e.g. `character varying(255)`, `timestamp(3) without time zone`, `text[]`. */
  type: string;
  notNull: boolean;
  default?: string;
  identity?: string;
  generated?: string;
}

export interface Table {
  schema: string;
  name: string;
  columns: Column[];
}

export interface Index {
  schema: string;
  table: string;
  name: string;
  /** pg_get_indexdef(), schema-qualified. */
  definition: string;
  /** Has a WHERE clause or expressions: schema.prisma cannot describe all of it. */
  notRepresentable: boolean;
  /** The index belongs to a UNIQUE constraint of the same name (dropped with the constraint). */
  uniqueConstraint?: boolean;
}

export interface Constraint {
  schema: string;
  table: string;
  name: string;
  /**
   * p = primary key, f = foreign key. Unique constraints are read as the unique indexes behind
   * them: Prisma treats `ADD CONSTRAINT … UNIQUE` and `CREATE UNIQUE INDEX` alike.
   */
  kind: "p" | "f";
  /** pg_get_constraintdef(). */
  definition: string;
  /** The constrained columns, in key order (read from the catalog; absent in hand-built catalogs). */
  columns?: string[];
  /** A foreign key's referenced table and columns, in key order. */
  references?: { schema: string; table: string; columns: string[] };
}

export interface EnumType {
  schema: string;
  name: string;
  values: string[];
}

export interface Catalog {
  tables: Table[];
  indexes: Index[];
  constraints: Constraint[];
  enums: EnumType[];
}
