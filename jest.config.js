/** @type {import('jest').Config} */
export default {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts"],
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "es6" } }],
  },
  // Imports are written as "./x.js" (NodeNext); map them to the .ts sources.
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  testMatch: ["<rootDir>/src/**/*.test.ts", "<rootDir>/test/**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/test/fixtures/"],
  testTimeout: 120000,
  globalSetup: "<rootDir>/test/support/global-setup.mjs",
  // Without jest's timings (CI), the files known to be slow start first (see the file).
  testSequencer: "<rootDir>/test/support/sequencer.mjs",
  globalTeardown: "<rootDir>/test/support/global-teardown.mjs",
  maxWorkers: 2,
};
