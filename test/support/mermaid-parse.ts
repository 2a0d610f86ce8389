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
