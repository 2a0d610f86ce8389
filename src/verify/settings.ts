// What verify takes (src/verify/verify.ts): the project, the base ref, the server, the cache, the hooks.
import type { Logger } from "../core/logger.js";
import type { SizeRisk } from "../lint/stats.js";
import type { Cluster } from "../postgres/cluster.js";
import type { SnapshotStore } from "./apply-phase.js";

export interface VerifySettings {
  workingDirectory: string;
  schema?: string;
  /** Git ref or SHA of the base branch; without it every migration counts as existing. */
  baseRef?: string;
  /** An empty database to use instead of a throwaway cluster. */
  databaseUrl?: string;
  postgresVersion?: string;
  /** Production's PostgreSQL major when known (stats file, input): what postgresVersion "production"/"auto" means. */
  productionPostgresMajor?: number;
  slowMigrationSeconds: number;
  genericNames?: string[];
  /**
   * Snapshot cache directory (see src/verify/snapshot.ts); undefined or false: no cache. Used only
   * with the throwaway cluster (a given database-url is applied from scratch).
   */
  cacheDir?: string | false;
  /** Where `cacheDir` comes from between machines; only used with `cacheDir`. */
  snapshotStore?: SnapshotStore;
  logger: Logger;
  /** Called after the apply with the migrated database's URL, before anything is dropped (tests compare states). */
  onMigrated?: (url: string) => Promise<void>;
  /** Table sizes of an environment (a stats file): the lint check raises and sizes hazards on large tables. */
  sizeRisk?: SizeRisk;
  /** Called with the cluster as soon as it runs (the action saves its state for the post step). */
  onCluster?: (cluster: Cluster) => void;
}
