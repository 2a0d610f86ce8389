/** What core and adapter code log through; an action maps it to the runner's log commands, the CLI to stderr. */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  debug(message: string): void;
}

export const silentLogger: Logger = { info() {}, warning() {}, error() {}, debug() {} };

/** A logger that keeps every line: for tests. */
export class RecordingLogger implements Logger {
  readonly lines: { level: keyof Logger; message: string }[] = [];
  info(message: string) {
    this.lines.push({ level: "info", message });
  }
  warning(message: string) {
    this.lines.push({ level: "warning", message });
  }
  error(message: string) {
    this.lines.push({ level: "error", message });
  }
  debug(message: string) {
    this.lines.push({ level: "debug", message });
  }
  text(): string {
    return this.lines.map((l) => `${l.level}: ${l.message}`).join("\n");
  }
}
