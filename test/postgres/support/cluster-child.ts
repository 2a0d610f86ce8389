// Run with `node --import tsx`: starts a cluster, prints its state as one JSON line, then either
// waits to be signalled ("wait") or lets an exception escape ("throw"), so tests can check that the
// exit and signal hooks leave nothing behind.
import { startCluster } from "../../../src/postgres/cluster.js";

const mode = process.argv[2] ?? "wait";
const cluster = await startCluster();
process.stdout.write(`${JSON.stringify({ pid: cluster.pid, rootDir: cluster.rootDir, dataDir: cluster.dataDir, url: cluster.url })}\n`);
if (mode === "throw") {
  setTimeout(() => {
    throw new Error("caller failed without stopping its cluster");
  }, 50);
} else {
  setInterval(() => {}, 60_000);
}
