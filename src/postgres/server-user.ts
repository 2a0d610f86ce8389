// initdb and postgres refuse to run as root ("initdb: error: cannot be run as root"). CI containers
// often run as root (GitHub-hosted runners do not), so there the server runs as an unprivileged user.
import { readFileSync } from "node:fs";
import { ConfigurationError } from "../core/errors.js";

export interface ServerUser {
  name: string;
  uid: number;
  gid: number;
}

function lookup(passwd: string, name: string): ServerUser | undefined {
  for (const line of passwd.split("\n")) {
    const [user, , uid, gid] = line.split(":");
    if (user === name && uid && gid && Number(uid) !== 0) return { name, uid: Number(uid), gid: Number(gid) };
  }
  return undefined;
}

/**
 * The user to run initdb/postgres as: undefined when this process is not root (run as ourselves),
 * else `postgres` when it exists, else `nobody`.
 */
export function serverUser(): ServerUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  let passwd = "";
  try {
    passwd = readFileSync("/etc/passwd", "utf8");
  } catch {
    // Fall through to the error below: without /etc/passwd there is no user to switch to.
  }
  const user = lookup(passwd, "postgres") ?? lookup(passwd, "nobody");
  if (!user) {
    throw new ConfigurationError(
      "Running as root, but PostgreSQL refuses to run as root and neither a `postgres` nor a `nobody` user exists in /etc/passwd. " +
        "Run as a normal user, create a `postgres` user, or set database-url to an empty database.",
    );
  }
  return user;
}
