// A PostgreSQL major from how versions are written: "15", "15.4", 15, "15.18 (Debian 15.18-0+deb12u1)",
// "PostgreSQL 15.4 …" → 15; and the major a migrate-guard deploy recorded in its deployment. Pure.

/** The major, or undefined for anything that is not a PostgreSQL version. */
export function majorOf(value: unknown): number | undefined {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  const match = /^(?:PostgreSQL\s+)?(\d{1,3})(?:\.\d+)*(?:beta\d+|rc\d+|devel)?(?:\s|$)/i.exec(text);
  const major = match ? Number(match[1]) : NaN;
  return major >= 9 && major < 100 ? major : undefined;
}

/**
 * The server major of the newest migrate-guard deploy among `deployments` (newest first, as GitHub
 * lists them) that recorded one (`payload.postgres.major`, src/migrate/scope.ts); undefined when none did.
 * GitHub may hand the payload back as a JSON string.
 */
export function majorFromDeployPayloads(deployments: readonly { payload: unknown }[]): number | undefined {
  for (const { payload } of deployments) {
    let p = payload;
    if (typeof p === "string") {
      try {
        p = JSON.parse(p);
      } catch {
        continue;
      }
    }
    const record =
      typeof p === "object" && p !== null ? (p as { tool?: unknown; command?: unknown; postgres?: { major?: unknown } }) : undefined;
    if (record?.tool !== "migrate-guard" || record.command !== "deploy") continue;
    const major = majorOf(record.postgres?.major);
    if (major !== undefined) return major;
  }
  return undefined;
}
