// Mermaid's own parser for tests: the text a GitHub comment would render must parse. Mermaid sanitises
// labels with DOMPurify, which needs a DOM; jsdom gives it one (test-only devDependencies).
import { JSDOM } from "jsdom";

type Mermaid = typeof import("mermaid").default;
let loaded: Promise<Mermaid> | undefined;

function load(): Promise<Mermaid> {
  loaded ??= (async () => {
    const dom = new JSDOM("<!doctype html><html><body></body></html>");
    const g = globalThis as Record<string, unknown>;
    // DOMPurify takes `window` when it is loaded. Jest (globalsCleanup) later walks every value set on
    // the global, and a jsdom Window's own setters recurse there until the stack overflows: the global
    // gets an empty proxy that forwards to the Window instead, which has nothing for Jest to walk.
    g.window = new Proxy({}, { get: (_target, key) => Reflect.get(dom.window, key) });
    try {
      const { default: mermaid } = await import("mermaid");
      mermaid.initialize({ startOnLoad: false });
      return mermaid;
    } finally {
      delete g.window;
      // Parsing needs only DOMPurify's hooks, not a live window: closed, it keeps no worker alive.
      dom.window.close();
    }
  })();
  return loaded;
}

/** The diagram type Mermaid parsed ("er", "gantt"); rejects with Mermaid's parse error. */
export async function parseMermaid(text: string): Promise<string> {
  const mermaid = await load();
  const result = await mermaid.parse(text);
  if (!result) throw new Error("mermaid.parse returned false");
  return result.diagramType;
}

/** Every ```mermaid block of a Markdown text, without its fences. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^(`{3,})mermaid\n([\s\S]*?)\n\1$/gm)].map((m) => m[2]!);
}

export interface ErModel {
  /** Entity name → its attributes as Mermaid read them. */
  entities: Record<string, { type: string; name: string; keys: string[]; comment: string }[]>;
  relationships: { a: string; b: string; label: string; cardA: string; cardB: string; relType: string }[];
}

/** What Mermaid itself read from an erDiagram: entities, attributes and relationships (its own db). */
export async function erModel(text: string): Promise<ErModel> {
  const mermaid = await load();
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const db = diagram.db as unknown as {
    getEntities(): Map<string, { id: string; attributes: { type: string; name: string; keys: string[]; comment: string }[] }>;
    getRelationships(): { entityA: string; entityB: string; roleA: string; relSpec: { cardA: string; cardB: string; relType: string } }[];
  };
  const byId = new Map<string, string>();
  const entities: ErModel["entities"] = {};
  for (const [name, entity] of db.getEntities()) {
    byId.set(entity.id, name);
    entities[name] = entity.attributes.map((a) => ({ type: a.type, name: a.name, keys: a.keys, comment: a.comment }));
  }
  const relationships = db.getRelationships().map((r) => ({
    a: byId.get(r.entityA) ?? r.entityA,
    b: byId.get(r.entityB) ?? r.entityB,
    label: r.roleA,
    ...r.relSpec,
  }));
  return { entities, relationships };
}

/** What Mermaid itself read from a gantt: each task's section, name, start, end and state. */
export async function ganttTasks(text: string): Promise<{ section: string; task: string; start: Date; end: Date; state: string }[]> {
  const mermaid = await load();
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const db = diagram.db as unknown as {
    getTasks(): { section: string; task: string; startTime: Date; endTime: Date; done?: boolean; active?: boolean; crit?: boolean }[];
  };
  return db.getTasks().map((t) => ({
    section: t.section,
    task: t.task.trim(),
    start: t.startTime,
    end: t.endTime,
    state: t.done ? "done" : t.active ? "active" : t.crit ? "crit" : "",
  }));
}
