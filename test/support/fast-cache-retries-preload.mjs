// Preload for a dist entry run by a test (NODE_OPTIONS="--import …"): see fast-cache-retries.mjs.
import { shortenCacheRetryWaits } from "./fast-cache-retries.mjs";

shortenCacheRetryWaits();
