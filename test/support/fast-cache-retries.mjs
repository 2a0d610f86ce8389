// The cache toolkit (@actions/cache) waits 3 s, then ~5, ~8 and ~12 s between its five attempts at a
// request that fails with a 5xx: ~30 s per call, which the tests of a failing cache service spent
// asleep. This shortens only those waits (a setTimeout called from the toolkit's
// CacheServiceClient.sleep) to 1 ms: the attempts, their requests and what the toolkit reports after
// the last one are unchanged. In a test: shortenCacheRetryWaits(); in a child process (a dist entry):
// NODE_OPTIONS="--import <fast-cache-retries-preload.mjs>".
export function shortenCacheRetryWaits() {
  const original = globalThis.setTimeout;
  const waits = [];
  function setTimeout(callback, ms, ...args) {
    if (typeof ms === "number" && ms >= 1000) {
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 40;
      const stack = new Error().stack ?? "";
      Error.stackTraceLimit = limit;
      if (/\bCacheServiceClient\.sleep\b/.test(stack)) {
        waits.push(ms);
        return original(callback, 1, ...args);
      }
    }
    return original(callback, ms, ...args);
  }
  globalThis.setTimeout = Object.assign(setTimeout, original);
  return {
    /** The waits shortened so far (ms the toolkit asked for). */
    waits,
    restore: () => {
      globalThis.setTimeout = original;
    },
  };
}
