// Where a database object is declared in schema.prisma, so a drift annotation lands on the model or
// field line. Tables map to `model X` or `@@map("x")`, columns to the field or its `@map("x")`.

interface Block {
  name: string;
  start: number;
  end: number;
}

function modelBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*(?:model|view)\s+(\w+)\s*\{/.exec(lines[i]!);
    if (!m) continue;
    let end = i + 1;
    while (end < lines.length && !/^\s*\}/.test(lines[end]!)) end++;
    blocks.push({ name: m[1]!, start: i, end });
  }
  return blocks;
}

function tableName(block: Block, lines: readonly string[]): string {
  for (let i = block.start + 1; i < block.end; i++) {
    const m = /@@map\(\s*(?:name:\s*)?"([^"]+)"/.exec(lines[i]!);
    if (m) return m[1]!;
  }
  return block.name;
}

/** 1-based line of the model (and field, when `column` is given) for `table`; undefined when unknown. */
export function locateInSchema(schemaText: string, table: string, column?: string): number | undefined {
  const lines = schemaText.split("\n");
  const block = modelBlocks(lines).find((b) => tableName(b, lines) === table);
  if (!block) return undefined;
  if (column) {
    for (let i = block.start + 1; i < block.end; i++) {
      const line = lines[i]!;
      const field = /^\s*(\w+)\s/.exec(line)?.[1];
      const mapped = /@map\(\s*(?:name:\s*)?"([^"]+)"/.exec(line)?.[1];
      if ((mapped ?? field) === column && !line.trimStart().startsWith("@@")) return i + 1;
    }
  }
  return block.start + 1;
}
