// Bytes in a migration file that PostgreSQL or Prisma cannot take as they are, found on the text as
// read (UTF-8, invalid sequences decoded to U+FFFD): a byte order mark, NUL bytes, and text that was
// not UTF-8. The linter reports them (rule file-encoding) and lints the rest of the file.

export interface EncodingProblem {
  /** Character offset of the first occurrence. */
  offset: number;
  message: string;
}

export interface EncodingCheck {
  /** The text to lint: BOM and NUL replaced by a space (same length, so positions stay true). */
  text: string;
  problems: EncodingProblem[];
}

const BOM = "\uFEFF";
const REPLACEMENT = "\uFFFD";

function occurrences(text: string, char: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) at.push(i);
  return at;
}

const more = (n: number, what: string) => (n > 1 ? ` and ${n - 1} more ${what}` : "");

export function checkEncoding(sql: string): EncodingCheck {
  // Nearly every migration: one scan for each character, nothing allocated.
  if (!sql.startsWith(BOM) && !sql.includes("\0") && !sql.includes(REPLACEMENT)) return { text: sql, problems: [] };
  const problems: EncodingProblem[] = [];
  let text = sql;
  if (text.startsWith(BOM)) {
    problems.push({
      offset: 0,
      message:
        "The file starts with a UTF-8 byte order mark (BOM, bytes EF BB BF). PostgreSQL reads it as part of the first statement and rejects the migration (syntax error at its first word). " +
        'Save the file as UTF-8 without BOM (in most editors "UTF-8", not "UTF-8 with BOM"). The rest of the file was checked without it.',
    });
    text = ` ${text.slice(1)}`;
  }
  const nul = occurrences(text, "\0");
  if (nul.length > 0) {
    problems.push({
      offset: nul[0]!,
      message:
        `The file contains a NUL byte${more(nul.length, "of them")}. PostgreSQL refuses the whole script ("invalid message format"), so Prisma cannot apply the migration. ` +
        "Remove the byte (it usually comes from a file saved as UTF-16 or pasted from a binary). The rest of the file was checked as if it were a space.",
    });
    text = text.replaceAll("\0", " ");
  }
  const bad = occurrences(text, REPLACEMENT);
  if (bad.length > 0) {
    problems.push({
      offset: bad[0]!,
      message:
        `The file is not valid UTF-8 here${more(bad.length, "places")} (read as U+FFFD, the replacement character: typically a file saved as Latin-1 or Windows-1252). ` +
        "The bytes meant are lost: depending on its engine, Prisma refuses the file or applies the replacement character instead of the text written (a wrong enum value, default or row). Save the file as UTF-8.",
    });
  }
  return { text, problems };
}
