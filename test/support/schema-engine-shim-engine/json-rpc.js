// JSON-RPC 2.0 over stdio as the native schema engine speaks it to the Prisma CLI: one JSON document
// per line each way. The CLI sends requests; the engine answers each with `result` or `error`, and
// may itself call the CLI (`print`, whose `content` the CLI writes to its stdout and acknowledges with
// an empty result). Requests are handled one at a time: the CLI sends one and waits, and the WASM
// engine is not written for overlapping calls on one instance.
import { createInterface } from "node:readline";

/** The error the native engine renders for any failed command (its JSON-RPC code, its text). */
export const ENGINE_ERROR_CODE = 4466;
const ENGINE_ERROR_MESSAGE = "An error happened. Check the data field for details.";

export class RpcError extends Error {
  /** @param {number} code @param {string} message @param {unknown} [data] */
  constructor(code, message, data) {
    super(message);
    this.code = code;
    this.data = data;
  }
}

/** A failed command, with the `data` the CLI reads: is_panic, message, and error_code/meta when known. */
export function engineError(data) {
  return new RpcError(ENGINE_ERROR_CODE, ENGINE_ERROR_MESSAGE, data);
}

/**
 * @param {{ handle: (method: string, params: any, peer: { call: (method: string, params: unknown) => Promise<unknown> }) => Promise<unknown>, onClose: () => void }} options
 */
export function serveStdio({ handle, onClose }) {
  let nextOutgoingId = 0;
  /** @type {Map<number | string, (response: any) => void>} */
  const pending = new Map();
  let queue = Promise.resolve();

  const send = (message) => {
    process.stdout.write(`${JSON.stringify(message)}\n`);
  };
  const peer = {
    call(method, params) {
      const id = nextOutgoingId++;
      return new Promise((resolve, reject) => {
        pending.set(id, (response) => (response.error ? reject(new Error(JSON.stringify(response.error))) : resolve(response.result)));
        send({ jsonrpc: "2.0", method, params, id });
      });
    },
  };

  async function answer(request) {
    try {
      const result = await handle(request.method, request.params, peer);
      // JSON drops an undefined member, and the CLI rejects a response without `result`.
      send({ jsonrpc: "2.0", result: result === undefined ? {} : result, id: request.id });
    } catch (error) {
      const e =
        error instanceof RpcError ? error : engineError({ is_panic: false, message: String(error?.message ?? error), backtrace: null });
      send({
        jsonrpc: "2.0",
        error: { code: e.code, message: e.message, ...(e.data === undefined ? {} : { data: e.data }) },
        id: request.id,
      });
    }
  }

  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (line.trim() === "") return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ jsonrpc: "2.0", error: { code: -32700, message: "Parse error" }, id: null });
      return;
    }
    if (typeof message.method === "string") {
      // A request without an id is a notification: handled, never answered.
      if (message.id === undefined) {
        queue = queue.then(() => handle(message.method, message.params, peer).catch(() => {}));
        return;
      }
      queue = queue.then(() => answer(message));
      return;
    }
    const resolve = pending.get(message.id);
    if (resolve) {
      pending.delete(message.id);
      resolve(message);
    }
  });
  lines.on("close", () => {
    queue.then(onClose, onClose);
  });
}
