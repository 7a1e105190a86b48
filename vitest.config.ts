import { defineConfig } from "vitest/config";

// Three projects, run by `npm test` in this order (scripts/test.mjs):
// - unit: pure code (domain, web helpers), no database, runs in parallel;
// - integration: the API, repositories and CLI on a real PostgreSQL (the embedded cluster, or
//   DATABASE_URL when set). test/global-setup.ts starts one cluster; each file gets its own database;
// - e2e: Chromium via playwright-core against a real `evident start` process.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "packages/domain/src/**/*.test.ts",
            "packages/web/src/**/*.test.ts",
            "scripts/**/*.test.ts",
          ],
        },
      },
      {
        test: {
          name: "integration",
          include: [
            "packages/{db,server,cli}/src/**/*.test.ts",
            "packages/{db,server,cli}/test/**/*.test.ts",
          ],
          globalSetup: ["packages/db/test/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          globalSetup: ["e2e/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
