// One way every command parses its flags: node:util parseArgs, and any mistake (unknown flag, missing
// value) becomes a ConfigurationError that carries the command's usage (exit 2).
import { parseArgs, type ParseArgsConfig } from "node:util";
import { ConfigurationError } from "../core/errors.js";

export function parseCommandArgs<T extends ParseArgsConfig["options"]>(
  argv: string[],
  options: T,
  usage: string,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new ConfigurationError(`${(error as Error).message}\n\n${usage}`);
  }
}
