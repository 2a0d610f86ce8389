// A small checker of JSON values against GitHub's OpenAPI description (@octokit/openapi): required
// properties, types, enums, nullability, arrays, $ref/allOf/oneOf/anyOf. Enough to hold the API double's
// answers, and the requests our code sends, to GitHub's documented shapes.
import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../support/project-repo.js";

type Schema = Record<string, unknown>;
interface Api {
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content: Record<string, { schema: Schema }> };
        responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
      }
    >
  >;
  components: { schemas: Record<string, Schema> };
}

let api: Api | undefined;
function load(): Api {
  api ??= JSON.parse(readFileSync(path.join(repoRoot, "node_modules/@octokit/openapi/generated/api.github.com.json"), "utf8")) as Api;
  return api;
}

function resolve(schema: Schema): Schema {
  let s = schema;
  while (typeof s.$ref === "string") s = load().components.schemas[(s.$ref as string).replace("#/components/schemas/", "")]!;
  return s;
}

/** Problems of `value` against `schema` ([] when it conforms). `strict`: no properties beyond the declared ones. */
export function shapeProblems(value: unknown, schema: Schema, at = "$", strict = false): string[] {
  const s = resolve(schema);
  if (value === null) return s.nullable === true || s.type === "null" ? [] : [`${at} is null`];
  if (Array.isArray(s.allOf)) return (s.allOf as Schema[]).flatMap((part) => shapeProblems(value, part, at, false));
  for (const key of ["oneOf", "anyOf"] as const) {
    if (Array.isArray(s[key])) {
      const results = (s[key] as Schema[]).map((part) => shapeProblems(value, part, at, strict));
      return results.some((r) => r.length === 0) ? [] : [`${at} matches none of ${key}: ${results.map((r) => r[0]).join(" | ")}`];
    }
  }
  const problems: string[] = [];
  switch (s.type) {
    case "object": {
      if (typeof value !== "object" || Array.isArray(value)) return [`${at} is not an object`];
      const v = value as Record<string, unknown>;
      for (const key of (s.required as string[] | undefined) ?? []) if (!(key in v)) problems.push(`${at}.${key} is missing`);
      const props = (s.properties as Record<string, Schema> | undefined) ?? {};
      for (const [key, item] of Object.entries(v)) {
        if (props[key]) problems.push(...shapeProblems(item, props[key]!, `${at}.${key}`, false));
        else if (strict) problems.push(`${at}.${key} is not a documented property`);
      }
      return problems;
    }
    case "array":
      if (!Array.isArray(value)) return [`${at} is not an array`];
      return value.flatMap((item, i) => shapeProblems(item, s.items as Schema, `${at}[${i}]`, false));
    case "string":
      if (typeof value !== "string") return [`${at} is not a string (${JSON.stringify(value)})`];
      if (Array.isArray(s.enum) && !(s.enum as unknown[]).includes(value))
        return [`${at} is ${JSON.stringify(value)}, not one of ${JSON.stringify(s.enum)}`];
      if (s.format === "date-time" && !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(value)) return [`${at} is not a date-time`];
      return [];
    case "integer":
      return Number.isInteger(value) ? [] : [`${at} is not an integer`];
    case "number":
      return typeof value === "number" ? [] : [`${at} is not a number`];
    case "boolean":
      return typeof value === "boolean" ? [] : [`${at} is not a boolean`];
    default:
      return [];
  }
}

/** The JSON schema of an operation's response (`status`) or, with status "request", of its body. */
export function operationSchema(pathTemplate: string, method: string, status: string): Schema {
  const op = load().paths[pathTemplate]?.[method.toLowerCase()];
  if (!op) throw new Error(`no operation ${method} ${pathTemplate}`);
  const content = status === "request" ? op.requestBody?.content : op.responses[status]?.content;
  const schema = content?.["application/json"]?.schema;
  if (!schema) throw new Error(`no JSON schema for ${method} ${pathTemplate} ${status}`);
  return schema;
}

export function documentedStatuses(pathTemplate: string, method: string): string[] {
  return Object.keys(load().paths[pathTemplate]?.[method.toLowerCase()]?.responses ?? {});
}
