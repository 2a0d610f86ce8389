/** The product's version, reported in SARIF and used in cache keys. Kept in step with package.json. */
export const VERSION = "0.1.0";
