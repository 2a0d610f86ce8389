// A double of GitHub's Actions cache service (v2), over real HTTP on 127.0.0.1, for the real
// @actions/cache to talk to. What the toolkit (lib/internal/shared/cacheTwirpClient.ts,
// uploadUtils.ts, downloadUtils.ts) sends, and this answers:
// - Twirp JSON RPC at ACTIONS_RESULTS_URL: POST /twirp/github.actions.results.api.v1.CacheService/
//   CreateCacheEntry {key, version} → {ok, signed_upload_url}; FinalizeCacheEntryUpload {key, version,
//   size_bytes} → {ok, entry_id}; GetCacheEntryDownloadURL {key, restore_keys, version} → {ok,
//   signed_download_url, matched_key}. Bodies use the proto field names; errors are Twirp's
//   {code, msg} with its HTTP statuses.
// - The archive goes to the signed URL through @azure/storage-blob's BlockBlobClient.uploadFile: one
//   PUT (x-ms-blob-type: BlockBlob) up to 128 MiB, else PUT ?comp=block&blockid=… per block and
//   PUT ?comp=blocklist with the block ids; it comes back by a plain GET (the toolkit uses the Azure SDK
//   only for *.blob.core.windows.net hosts).
// - Scopes as GitHub's runtime token carries them (its `ac` claim: [{Scope, Permission}], 1 read,
//   2 write): entries are written to the token's write scope (the run's ref) and read from its read
//   scopes in order (the run's ref, then the base or default branch), exact key first, then the key and
//   each restore key as a prefix, newest entry first, in each scope.
// fail() makes every request fail: "5xx" (500), "429" (rate limited, Retry-After) or "unavailable"
// (the connection is dropped).
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

const SERVICE = "/twirp/github.actions.results.api.v1.CacheService/";

export type FailureMode = "5xx" | "429" | "unavailable";

export interface CacheEntry {
  key: string;
  version: string;
  scope: string;
  sizeBytes: number;
  id: number;
}

export interface CacheServiceDouble {
  /** ACTIONS_RESULTS_URL. */
  url: string;
  /** A runtime token for a run on `ref` that may also read `readAlso` (e.g. a pull request's base branch). */
  token(ref: string, readAlso?: string[]): string;
  /** The environment the runner gives a job: service version, URL, token. */
  env(token: string): Record<string, string>;
  entries(): CacheEntry[];
  /** Twirp methods called, in order (failed calls included). */
  calls: string[];
  fail(mode: FailureMode | undefined): void;
  /** Removes an entry, as GitHub evicts entries unused for 7 days or beyond the repository's quota. */
  evict(key: string): void;
  close(): Promise<void>;
}

interface Upload {
  key: string;
  version: string;
  scope: string;
  blob?: Buffer;
  blocks: Map<string, Buffer>;
  finalized?: CacheEntry;
  sig: string;
  createdAt: number;
}

const twirpStatus: Record<string, number> = {
  invalid_argument: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  already_exists: 409,
  resource_exhausted: 429,
  internal: 500,
  unavailable: 503,
};

class TwirpError extends Error {
  constructor(
    readonly code: keyof typeof twirpStatus,
    message: string,
  ) {
    super(message);
  }
}

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

function scopesOf(header: string | undefined): { write?: string; read: string[] } {
  const token = /^Bearer (.+)$/.exec(header ?? "")?.[1];
  const payload = token?.split(".")[1];
  if (!payload) throw new TwirpError("unauthenticated", "missing or malformed runtime token");
  let claims: { ac?: string };
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { ac?: string };
  } catch {
    throw new TwirpError("unauthenticated", "malformed runtime token");
  }
  const scopes = JSON.parse(claims.ac ?? "[]") as { Scope: string; Permission: number }[];
  return { write: scopes.find((s) => s.Permission & 2)?.Scope, read: scopes.filter((s) => s.Permission & 1).map((s) => s.Scope) };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startCacheServiceDouble(): Promise<CacheServiceDouble> {
  const uploads = new Map<string, Upload>(); // by blob id
  const calls: string[] = [];
  const sockets = new Set<Socket>();
  let failure: FailureMode | undefined;
  let clock = 0;
  let nextId = 1;
  let base = "";

  const visible = () => [...uploads.values()].filter((u) => u.finalized);
  const blobUrl = (id: string, u: Upload) => `${base}/blobs/${id}?sv=2025-01-05&sr=b&sp=${u.finalized ? "r" : "cw"}&sig=${u.sig}`;

  function twirp(method: string, body: Record<string, unknown>, scopes: { write?: string; read: string[] }): object {
    const key = typeof body.key === "string" ? body.key : "";
    const version = typeof body.version === "string" ? body.version : "";
    if (!key || !version) throw new TwirpError("invalid_argument", "key and version are required");
    switch (method) {
      case "CreateCacheEntry": {
        if (!scopes.write) throw new TwirpError("permission_denied", "cache write denied: the token has no writable scope");
        const taken = [...uploads.values()].some((u) => u.key === key && u.version === version && u.scope === scopes.write);
        if (taken) throw new TwirpError("already_exists", "cache entry with the same key, version, and scope already exists");
        const id = randomBytes(8).toString("hex");
        const upload: Upload = {
          key,
          version,
          scope: scopes.write,
          blocks: new Map(),
          sig: randomBytes(12).toString("base64url"),
          createdAt: 0,
        };
        uploads.set(id, upload);
        return { ok: true, signed_upload_url: blobUrl(id, upload) };
      }
      case "FinalizeCacheEntryUpload": {
        const entry = [...uploads.entries()].find(
          ([, u]) => u.key === key && u.version === version && u.scope === scopes.write && !u.finalized,
        );
        if (!entry) throw new TwirpError("not_found", "no cache entry reserved for this key, version and scope");
        const [, upload] = entry;
        const size = Number(body.size_bytes);
        if (!upload.blob || upload.blob.length !== size)
          return { ok: false, message: `uploaded ${upload.blob?.length ?? 0} bytes, size_bytes says ${size}` };
        upload.createdAt = ++clock;
        upload.finalized = { key, version, scope: upload.scope, sizeBytes: size, id: nextId++ };
        return { ok: true, entry_id: String(upload.finalized.id) };
      }
      case "GetCacheEntryDownloadURL": {
        const restoreKeys = Array.isArray(body.restore_keys)
          ? (body.restore_keys as unknown[]).filter((k): k is string => typeof k === "string")
          : [];
        for (const scope of scopes.read) {
          const here = visible()
            .filter((u) => u.scope === scope && u.version === version)
            .sort((a, b) => b.createdAt - a.createdAt);
          const match =
            here.find((u) => u.key === key) ??
            [key, ...restoreKeys].map((prefix) => here.find((u) => u.key.startsWith(prefix))).find(Boolean);
          if (match) {
            const id = [...uploads.entries()].find(([, u]) => u === match)![0];
            return { ok: true, signed_download_url: blobUrl(id, match), matched_key: match.key };
          }
        }
        return { ok: false };
      }
      default:
        throw new TwirpError("not_found", `no such method: ${method}`);
    }
  }

  async function blob(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const id = /^\/blobs\/([0-9a-f]+)$/.exec(url.pathname)?.[1];
    const upload = id ? uploads.get(id) : undefined;
    const azureError = (status: number, code: string) => {
      res.writeHead(status, { "content-type": "application/xml", "x-ms-error-code": code });
      res.end(`<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`);
    };
    if (!upload || url.searchParams.get("sig") !== upload.sig) return azureError(403, "AuthenticationFailed");
    const headers = {
      etag: `"0x${randomBytes(8).toString("hex").toUpperCase()}"`,
      "last-modified": new Date().toUTCString(),
      "x-ms-request-id": randomBytes(16).toString("hex"),
      "x-ms-version": "2025-01-05",
      "x-ms-request-server-encrypted": "true",
    };
    if (req.method === "GET") {
      if (!upload.finalized || !upload.blob) return azureError(404, "BlobNotFound");
      res.writeHead(200, {
        ...headers,
        "content-type": "application/octet-stream",
        "content-length": String(upload.blob.length),
        "x-ms-blob-type": "BlockBlob",
      });
      res.end(upload.blob);
      return;
    }
    if (req.method !== "PUT" || upload.finalized) return azureError(409, "BlobImmutable");
    const body = await readBody(req);
    const comp = url.searchParams.get("comp");
    if (comp === "block") {
      const blockId = url.searchParams.get("blockid");
      if (!blockId) return azureError(400, "InvalidQueryParameterValue");
      upload.blocks.set(blockId, body);
    } else if (comp === "blocklist") {
      const ids = [...body.toString("utf8").matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]+)<\//g)].map((m) => m[1]!);
      if (ids.some((b) => !upload.blocks.has(b))) return azureError(400, "InvalidBlockList");
      upload.blob = Buffer.concat(ids.map((b) => upload.blocks.get(b)!));
      upload.blocks.clear();
    } else if (!comp && req.headers["x-ms-blob-type"] === "BlockBlob") {
      upload.blob = body;
    } else {
      return azureError(400, "InvalidHeaderValue");
    }
    res.writeHead(201, { ...headers, "content-length": "0" });
    res.end();
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", base);
    const twirpMethod = url.pathname.startsWith(SERVICE) ? url.pathname.slice(SERVICE.length) : undefined;
    if (twirpMethod) calls.push(twirpMethod);
    if (failure === "unavailable") {
      req.socket.destroy();
      return;
    }
    const send = (status: number, body: object, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    if (failure === "5xx") return send(500, { code: "internal", msg: "the cache service double was told to fail" });
    if (failure === "429") return send(429, { code: "resource_exhausted", msg: "rate limited" }, { "retry-after": "60" });
    void (async () => {
      if (!twirpMethod) return blob(req, res, url);
      if (req.method !== "POST" || !String(req.headers["content-type"]).startsWith("application/json"))
        return send(400, { code: "malformed", msg: "POST application/json expected" });
      try {
        const scopes = scopesOf(req.headers.authorization);
        const body = JSON.parse((await readBody(req)).toString("utf8")) as Record<string, unknown>;
        send(200, twirp(twirpMethod, body, scopes));
      } catch (error) {
        if (error instanceof TwirpError) send(twirpStatus[error.code]!, { code: error.code, msg: error.message });
        else send(500, { code: "internal", msg: (error as Error).message });
      }
    })().catch((error: Error) => send(500, { code: "internal", msg: error.message }));
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${base}/`,
    token: (ref, readAlso = []) =>
      [
        b64url({ alg: "RS256", typ: "JWT" }),
        b64url({ ac: JSON.stringify([{ Scope: ref, Permission: 3 }, ...readAlso.map((s) => ({ Scope: s, Permission: 1 }))]) }),
        "sig",
      ].join("."),
    env: (token) => ({
      ACTIONS_CACHE_SERVICE_V2: "true",
      ACTIONS_RESULTS_URL: `${base}/`,
      ACTIONS_RUNTIME_TOKEN: token,
      GITHUB_SERVER_URL: "https://github.com",
    }),
    entries: () => visible().map((u) => u.finalized!),
    calls,
    fail: (mode) => {
      failure = mode;
    },
    evict: (key) => {
      for (const [id, u] of uploads) if (u.key === key) uploads.delete(id);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
