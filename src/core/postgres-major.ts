// A PostgreSQL major from how versions are written: "15", "15.4", 15, "15.18 (Debian 15.18-0+deb12u1)",
// "PostgreSQL 15.4 …" → 15. Pure.

/** The major, or undefined for anything that is not a PostgreSQL version. */
export function majorOf(value: unknown): number | undefined {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  const match = /^(?:PostgreSQL\s+)?(\d{1,3})(?:\.\d+)*(?:beta\d+|rc\d+|devel)?(?:\s|$)/i.exec(text);
  const major = match ? Number(match[1]) : NaN;
  return major >= 9 && major < 100 ? major : undefined;
}
