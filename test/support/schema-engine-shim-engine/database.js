// What the native engine does itself, outside the engine proper: the `cli` subcommands
// (can-connect-to-database, create-database, drop-database) and turning a failed connection into
// the user-facing error the CLI acts on. The WASM engine has no createDatabase and reports a missing
// database as a bare message, but the CLI needs the code: on P1003 `migrate deploy` creates the
// database, on anything else it stops with "CODE: message".
import pg from "pg";

/** @param {string} url */
function parts(url) {
  const u = new URL(url);
  const host = u.searchParams.get("host") ?? (decodeURIComponent(u.hostname) || "localhost");
  const port = u.port || "5432";
  const database = decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres";
  const user = decodeURIComponent(u.username) || process.env.USER || "postgres";
  return { host, port, location: `${host}:${port}`, database, user };
}

/** @param {string} url @param {string} database */
function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/**
 * The native engine's user-facing error for a connection failure, or a plain one without a code.
 * @param {unknown} error @param {string} url
 * @returns {{ code?: string, message: string }}
 */
export function connectionErrorFor(error, url) {
  const e = /** @type {{ code?: string, message?: string }} */ (error ?? {});
  const { location, database, user, host } = parts(url);
  switch (e.code) {
    case "3D000":
      return { code: "P1003", message: `Database \`${database}\` does not exist on the database server at \`${location}\`.` };
    case "28P01":
    case "28000":
      return {
        code: "P1000",
        message: `Authentication failed against database server at \`${host}\`, the provided database credentials for \`${user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${host}\`.`,
      };
    case "42501":
      return { code: "P1010", message: `User \`${user}\` was denied access on the database \`${database}\`` };
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "EAI_AGAIN":
    case "ENOENT":
      return {
        code: "P1001",
        message: `Can't reach database server at \`${location}\`\n\nPlease make sure your database server is running at \`${location}\`.`,
      };
    default:
      if (/timeout/i.test(e.message ?? "")) {
        return {
          code: "P1002",
          message: `The database server at \`${location}\` was reached but timed out.\n\nPlease try again.\n\nPlease make sure your database server is running at \`${location}\`.`,
        };
      }
      return { message: e.message ?? String(error) };
  }
}

/** @param {string} url @param {(client: pg.Client) => Promise<void>} work */
async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Connects to `url` and runs one query; null when that worked, else the user-facing error.
 * @param {string} url
 */
export async function probeConnection(url) {
  try {
    await withClient(url, async (client) => {
      await client.query("SELECT 1");
    });
    return null;
  } catch (error) {
    return connectionErrorFor(error, url);
  }
}

/** @param {string} name */
function quoteIdentifier(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Runs `statement` for the URL's database from the server's `postgres` database (as the native
 * engine does), returning the database's name.
 * @param {string} url @param {"create" | "drop"} action
 */
export async function createOrDropDatabase(url, action) {
  const { database, location } = parts(url);
  const admin = withDatabase(url, "postgres");
  try {
    await withClient(admin, async (client) => {
      await client.query(`${action === "create" ? "CREATE" : "DROP"} DATABASE ${quoteIdentifier(database)}`);
    });
  } catch (error) {
    const code = /** @type {{ code?: string }} */ (error).code;
    if (code === "42P04")
      throw Object.assign(new Error(`Database \`${database}\` already exists on the database server at \`${location}\``), {
        code: "P1009",
      });
    const mapped = connectionErrorFor(error, admin);
    throw Object.assign(new Error(mapped.message), mapped.code ? { code: mapped.code } : {});
  }
  return database;
}
