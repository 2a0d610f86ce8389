// Runs the app's own test-data script: through the shell (it is a command line the app team wrote),
// in the app's folder, with the environment's database URL in the variables the app's datasource
// reads and no other PostgreSQL URL at all. Its output is streamed line by line with every form of
// the URL's credentials masked.
import { spawn } from "node:child_process";
import { redact } from "../core/errors.js";

export interface ScriptResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  durationMs: number;
}

/** A PostgreSQL URL anywhere in a value (quoted, after a space, prisma+postgres://…). */
const POSTGRES_URL = /postgres(ql)?:\/\//i;
/** libpq's own connection variables: psql and pg_dump in a script would follow them elsewhere. */
const LIBPQ_VARIABLE = /^PG[A-Z_]+$/;

/**
 * The script's environment: the caller's, minus every value holding a PostgreSQL URL and every libpq
 * PG* variable, plus the URL in `urlVariables`.
 */
export function scriptEnv(
  base: NodeJS.ProcessEnv,
  url: string,
  urlVariables: readonly string[],
  extra: Record<string, string>,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(base)) {
    if (value !== undefined && !POSTGRES_URL.test(value) && !LIBPQ_VARIABLE.test(name)) env[name] = value;
  }
  for (const name of urlVariables) env[name] = url;
  return { ...env, ...extra };
}

export function runScript(
  command: string,
  options: { cwd: string; env: NodeJS.ProcessEnv; secrets: readonly string[]; onLine: (line: string, stream: "stdout" | "stderr") => void },
): Promise<ScriptResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, { cwd: options.cwd, env: options.env, shell: true, stdio: ["ignore", "pipe", "pipe"] });
    const pending = { stdout: "", stderr: "" };
    const emit = (line: string, stream: "stdout" | "stderr") => options.onLine(redact(line.replace(/\r$/, ""), options.secrets), stream);
    const take = (stream: "stdout" | "stderr", chunk: string) => {
      const lines = (pending[stream] + chunk).split("\n");
      pending[stream] = lines.pop() ?? "";
      for (const line of lines) emit(line, stream);
    };
    child.stdout.setEncoding("utf8").on("data", (d: string) => take("stdout", d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => take("stderr", d));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      for (const stream of ["stdout", "stderr"] as const) if (pending[stream] !== "") emit(pending[stream], stream);
      resolve({ exitCode: code, signal, durationMs: Math.round(performance.now() - started) });
    });
  });
}
