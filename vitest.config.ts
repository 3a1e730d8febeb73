import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // Tests run server modules directly in Node (Next resolves this marker itself).
      "server-only": fileURLToPath(new URL("node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    include: ["{app,components,db,lib}/**/*.test.{ts,tsx}"],
    // *.pg.test.ts read PostgreSQL query plans: they run in the PostgreSQL pass only.
    exclude: process.env.TEST_DATABASE_URL ? ["node_modules/**"] : ["node_modules/**", "**/*.pg.test.ts"],
    // Each integration file opens its own database; two cores run two files at a time.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
