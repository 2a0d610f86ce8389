// Just enough of schema.prisma to know which tables and columns Prisma Client still reads: models
// (table name from @@map, @@ignore) and their scalar fields (column from @map, @ignore). Prisma Client
// selects every scalar field of a model by default, so a column is only safe to drop once its field
// is gone from (or @ignore'd in) the deployed schema.

export interface PrismaField {
  name: string;
  column: string;
  ignored: boolean;
}

export interface PrismaModel {
  name: string;
  /** Table name (@@map, else the model name). */
  table: string;
  /** @@schema("…") (multiSchema), else undefined. */
  schema?: string;
  ignored: boolean;
  /** By column name. */
  fields: Map<string, PrismaField>;
}

export type PrismaModels = Map<string, PrismaModel>;

const SCALARS = new Set(["String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes", "Unsupported"]);

function stripComments(text: string): string {
  return text.replace(/\/\/.*$/gm, "");
}

/** Models by table name. Enums count as scalars (their type names are collected first). */
export function parsePrismaModels(schemaText: string): PrismaModels {
  const text = stripComments(schemaText);
  const enums = new Set([...text.matchAll(/^\s*enum\s+(\w+)\s*\{/gm)].map((m) => m[1]!));
  const models: PrismaModels = new Map();
  for (const m of text.matchAll(/^\s*model\s+(\w+)\s*\{([^}]*)\}/gm)) {
    const name = m[1]!;
    const body = m[2]!;
    const table = /@@map\(\s*(?:name\s*:\s*)?"([^"]+)"/.exec(body)?.[1] ?? name;
    const schema = /@@schema\(\s*"([^"]+)"/.exec(body)?.[1];
    const model: PrismaModel = { name, table, ...(schema ? { schema } : {}), ignored: /@@ignore\b/.test(body), fields: new Map() };
    for (const line of body.split("\n")) {
      const f = /^\s*(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
      if (!f) continue;
      const [, fieldName, type, , , rest] = f;
      if (!SCALARS.has(type!) && !enums.has(type!)) continue; // a relation field: no column
      const column = /@map\(\s*(?:name\s*:\s*)?"([^"]+)"/.exec(rest!)?.[1] ?? fieldName!;
      model.fields.set(column, { name: fieldName!, column, ignored: /@ignore\b/.test(rest!) });
    }
    models.set(schema ? `${schema}.${table}` : table, model);
  }
  return models;
}

/** The model of a table key ("schema.table"), trying the unqualified name for the default schema. */
export function modelOf(models: PrismaModels, tableKey: string): PrismaModel | undefined {
  const dot = tableKey.indexOf(".");
  return models.get(tableKey) ?? (tableKey.slice(0, dot) === "public" ? models.get(tableKey.slice(dot + 1)) : undefined);
}
