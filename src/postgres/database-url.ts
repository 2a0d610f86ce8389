// The database URL a user passes (--database-url, DATABASE_URL, the action's `database-url` input):
// its form is checked before anything connects, and it is never quoted back (it may carry a password).
import { ConfigurationError } from "../core/errors.js";

/**
 * Checks the URL's form without ever quoting it: it may carry a password. Only the scheme is named
 * when it is wrong.
 */
export function validateDatabaseUrl(url: string | undefined): string {
  const value = url?.trim();
  if (!value) {
    throw new ConfigurationError(
      "No database URL. Pass --database-url or set DATABASE_URL (the action: the `database-url` input, from the environment's secret). Expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE.",
    );
  }
  let parsed: URL;
  try {
    // "user:password@host/db" parses as a URL whose scheme is "user:": demand the "scheme://" form.
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) throw new Error("no scheme");
    parsed = new URL(value);
  } catch {
    throw new ConfigurationError(
      "The database URL is not a valid URL (it is not shown: it may contain a password). Expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE.",
    );
  }
  if (!/^postgres(ql)?:$/i.test(parsed.protocol)) {
    throw new ConfigurationError(
      `The database URL uses the scheme "${parsed.protocol}", but migrate-guard works with PostgreSQL only. Expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE.`,
    );
  }
  if (!parsed.hostname && !parsed.searchParams.get("host")) {
    throw new ConfigurationError("The database URL names no host. Expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE.");
  }
  if (parsed.pathname.replace(/^\//, "") === "") {
    throw new ConfigurationError(
      "The database URL names no database. Expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE (the path is the database name).",
    );
  }
  return value;
}
