// Bytes PostgreSQL or Prisma cannot take as they are: a byte order mark, NUL bytes, text that is not
// UTF-8. Found before parsing (src/lint/encoding.ts); the rest of the file is still linted.
import type { BuiltinRule } from "../types.js";

export const rule: BuiltinRule = {
  id: "file-encoding",
  scope: "builtin",
  severity: "error",
  class: "meta",
  summary: "The migration file has a byte order mark, a NUL byte or text that is not UTF-8.",
  recipe:
    "Save the file as UTF-8 without BOM and remove NUL bytes (`file migration.sql` and `iconv -f WINDOWS-1252 -t UTF-8` help). A migration already applied somewhere keeps its checksum: fix it in a new migration rather than editing the file (Prisma would report the applied one as modified).",
};
