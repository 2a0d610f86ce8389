import type { Finding } from "./report.js";
import { parseLockProvider, sameProvider } from "./prisma-schema.js";

export function checkLockFile(params: { lockFile?: string; lockPath: string; schemaProvider?: string; schemaPath: string }): Finding[] {
  if (params.lockFile === undefined) {
    return [
      {
        rule: "missing-lock-file",
        severity: "error",
        file: params.lockPath,
        message: `${params.lockPath} is missing. Prisma writes it with the first migration; commit it (it must say provider = "postgresql").`,
      },
    ];
  }
  const provider = parseLockProvider(params.lockFile);
  if (!provider) {
    return [
      {
        rule: "invalid-lock-file",
        severity: "error",
        file: params.lockPath,
        line: 1,
        message: `${params.lockPath} has no provider line; expected provider = "postgresql".`,
      },
    ];
  }
  const findings: Finding[] = [];
  if (params.schemaProvider && !sameProvider(provider, params.schemaProvider)) {
    findings.push({
      rule: "provider-mismatch",
      severity: "error",
      file: params.lockPath,
      line: lineOf(params.lockFile, "provider"),
      message: `${params.lockPath} says provider "${provider}" but ${params.schemaPath} uses "${params.schemaProvider}". Migrations were made for another database; Prisma refuses to apply them.`,
    });
  }
  if (!sameProvider(provider, "postgresql")) {
    findings.push({
      rule: "unsupported-provider",
      severity: "error",
      file: params.lockPath,
      line: lineOf(params.lockFile, "provider"),
      message: `migrate-guard verifies PostgreSQL projects; ${params.lockPath} says "${provider}".`,
    });
  }
  return findings;
}

function lineOf(text: string, needle: string): number {
  const index = text.split("\n").findIndex((l) => l.trimStart().startsWith(needle));
  return index < 0 ? 1 : index + 1;
}
