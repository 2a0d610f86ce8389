/**
 * A mistake in the user's input or project set-up (bad flag, missing file, unsupported Prisma).
 * Reported with exit code 2 and without a stack trace; the message names the bad value and the
 * expected form.
 */
export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

/** Remove credentials from anything that may reach a log: URLs with passwords, tokens. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join("***");
  }
  // Any remaining URL userinfo (postgres://user:pass@host) is masked too. Greedy up to the last "@"
  // before the host, as URL parsers (and so node-postgres) split it: a password may contain "@".
  return out.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/]*@/gi, "$1***@");
}
