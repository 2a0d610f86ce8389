// Small text helpers for the Markdown renderer. Everything that reaches a PR comment comes from
// user-controlled input (file names, SQL, messages), so every piece passes through one of these.

/** Plain text: stop `<tag>` and `&entity;` from being interpreted by GitHub's HTML sanitiser. */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Block-level newlines would end a list item or a table row early; `<br>` keeps the break visible. */
export function flattenLines(text: string): string {
  return text.replace(/\r\n|\r|\n/g, "<br>");
}

/** Inline text outside tables (list items, headings). */
export function inline(text: string, maxChars = Infinity): string {
  return flattenLines(escapeText(clip(text.trim(), maxChars)));
}

/** A table cell: a raw `|` would start a new column. */
export function cell(text: string, maxChars = Infinity): string {
  return inline(text, maxChars).replace(/\|/g, "\\|");
}

/**
 * A code span that survives any content: the fence is longer than the longest backtick run inside,
 * and in tables `|` is still escaped because GFM splits cells before parsing code spans.
 */
export function code(text: string, options: { inTable?: boolean; maxChars?: number } = {}): string {
  let body = clip(text.replace(/\r\n|\r|\n/g, " "), options.maxChars ?? Infinity);
  if (options.inTable) body = body.replace(/\|/g, "\\|");
  const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = body.startsWith("`") || body.endsWith("`") ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A fence for a code block that cannot be closed early by backticks inside the block. */
export function blockFence(content: string): string {
  const longestRun = Math.max(0, ...(content.match(/`{3,}/g) ?? []).map((run) => run.length));
  return "`".repeat(Math.max(3, longestRun + 1));
}

export function clip(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return `${text.slice(0, Math.max(0, maxChars - 1))}…`;
}

/** Only http(s) links, and the characters that would end a Markdown link destination are encoded. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  return url.replace(/[\s()<>"`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "–";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)} s`;
  const totalSeconds = Math.round(ms / 1000);
  return `${Math.floor(totalSeconds / 60)} min ${totalSeconds % 60} s`;
}
