// Typed confirmations: asked at a terminal, a flag everywhere else. Without a terminal (CI, a pipe) a
// missing confirmation is refused at once with the flag to pass — never a wait on stdin that no one
// will answer.
import { createInterface } from "node:readline/promises";
import { ConfigurationError } from "../core/errors.js";

export interface PromptIo {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export const processPromptIo = (): PromptIo => ({ input: process.stdin, output: process.stderr, env: process.env });

/** A person at a terminal: stdin and the prompt's stream are TTYs and this is not a CI job. */
export function isInteractive(io: PromptIo): boolean {
  const ci = io.env.CI !== undefined && io.env.CI !== "" && io.env.CI !== "false";
  return Boolean(io.input.isTTY && io.output.isTTY) && !ci;
}

export interface ConfirmRequest {
  /** What is about to happen, shown before the question. */
  action: string;
  /** The text to type. */
  expected: string;
  /** The flag that carries it without a terminal, e.g. "--confirm". */
  flag: string;
  /** The value of the flag, if given. */
  given: string | undefined;
  /** True when `given` matches `expected` (default: exact match). */
  matches?: (given: string) => boolean;
}

/**
 * The confirmation: the flag's value when given (a wrong one is refused), else an answer typed at the
 * terminal, else a ConfigurationError saying which flag to pass. Throws unless confirmed.
 */
export async function confirmTyped(request: ConfirmRequest, io: PromptIo = processPromptIo()): Promise<void> {
  const matches = request.matches ?? ((g: string) => g === request.expected);
  if (request.given !== undefined) {
    if (matches(request.given)) return;
    throw new ConfigurationError(
      `${request.action} must be confirmed with ${request.flag} ${request.expected}; the confirmation was ${JSON.stringify(request.given)}. Nothing was changed.`,
    );
  }
  if (!isInteractive(io)) {
    throw new ConfigurationError(
      `${request.action} must be confirmed: pass ${request.flag} ${request.expected} (no terminal to ask at). Nothing was changed.`,
    );
  }
  const rl = createInterface({ input: io.input, output: io.output, terminal: true });
  try {
    const answer = await rl.question(`${request.action}. Type ${request.expected} to go on: `);
    if (matches(answer.trim())) return;
    throw new ConfigurationError(
      `Not confirmed (typed ${JSON.stringify(answer.trim())}, expected ${request.expected}). Nothing was changed.`,
    );
  } finally {
    rl.close();
  }
}
