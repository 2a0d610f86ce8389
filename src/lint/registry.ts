// Every rule, sorted by id (a test keeps it sorted and in step with rules/ and docs/rules/).
import { rule as addRequiredColumn } from "./rules/add-required-column.js";
import { rule as addUniqueConstraint } from "./rules/add-unique-constraint.js";
import { rule as blockingMaintenanceCommand } from "./rules/blocking-maintenance-command.js";
import { rule as changeColumnType } from "./rules/change-column-type.js";
import { rule as concurrentlyInTransaction } from "./rules/concurrently-in-transaction.js";
import { rule as constraintNotValid } from "./rules/constraint-not-valid.js";
import { rule as createIndexNonConcurrently } from "./rules/create-index-non-concurrently.js";
import { rule as dropColumn } from "./rules/drop-column.js";
import { rule as dropDatabase } from "./rules/drop-database.js";
import { rule as dropEnumValue } from "./rules/drop-enum-value.js";
import { rule as dropForeignKey } from "./rules/drop-foreign-key.js";
import { rule as dropIndexNonConcurrently } from "./rules/drop-index-non-concurrently.js";
import { rule as dropNotNull } from "./rules/drop-not-null.js";
import { rule as dropSchema } from "./rules/drop-schema.js";
import { rule as dropTable } from "./rules/drop-table.js";
import { rule as fileEncoding } from "./rules/file-encoding.js";
import { rule as identifierTooLong } from "./rules/identifier-too-long.js";
import { rule as ignoreWithoutReason } from "./rules/ignore-without-reason.js";
import { rule as measuredLock } from "./rules/measured-lock.js";
import { rule as missingLockTimeout } from "./rules/missing-lock-timeout.js";
import { rule as parseError } from "./rules/parse-error.js";
import { rule as preferBigintKey } from "./rules/prefer-bigint-key.js";
import { rule as preferJsonb } from "./rules/prefer-jsonb.js";
import { rule as preferTimestamptz } from "./rules/prefer-timestamptz.js";
import { rule as prismaDataLossWarning } from "./rules/prisma-data-loss-warning.js";
import { rule as prismaRenamePattern } from "./rules/prisma-rename-pattern.js";
import { rule as renameColumn } from "./rules/rename-column.js";
import { rule as renameEnumValue } from "./rules/rename-enum-value.js";
import { rule as renameTable } from "./rules/rename-table.js";
import { rule as setNotNull } from "./rules/set-not-null.js";
import { rule as severalAccessExclusive } from "./rules/several-access-exclusive.js";
import { rule as truncate } from "./rules/truncate.js";
import { rule as uncheckedSql } from "./rules/unchecked-sql.js";
import { rule as unusedIgnore } from "./rules/unused-ignore.js";
import { rule as updateWithoutWhere } from "./rules/update-without-where.js";
import { rule as volatileDefault } from "./rules/volatile-default.js";
import type { Rule } from "./types.js";

export const RULES: readonly Rule[] = [
  addRequiredColumn,
  addUniqueConstraint,
  blockingMaintenanceCommand,
  changeColumnType,
  concurrentlyInTransaction,
  constraintNotValid,
  createIndexNonConcurrently,
  dropColumn,
  dropDatabase,
  dropEnumValue,
  dropForeignKey,
  dropIndexNonConcurrently,
  dropNotNull,
  dropSchema,
  dropTable,
  fileEncoding,
  identifierTooLong,
  ignoreWithoutReason,
  measuredLock,
  missingLockTimeout,
  parseError,
  preferBigintKey,
  preferJsonb,
  preferTimestamptz,
  prismaDataLossWarning,
  prismaRenamePattern,
  renameColumn,
  renameEnumValue,
  renameTable,
  setNotNull,
  severalAccessExclusive,
  truncate,
  uncheckedSql,
  unusedIgnore,
  updateWithoutWhere,
  volatileDefault,
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/** Where a rule's documentation lives (problem, safe recipe), for SARIF help links and reports. */
export const DOCS_BASE = "https://github.com/migrate-guard/migrate-guard/blob/main/docs/rules/";

export function ruleDocUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
