import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // Layers point one way: app/ → lib/ services → db/queries → db/schema. Only lib/ and db/
    // reach the database; pages, route handlers and scripts go through lib/.
    files: ["**/*.{ts,tsx,js,mjs}"],
    ignores: [
      "lib/**",
      "db/**",
      // Opens the database handle, migrates and seeds at start-up (no queries).
      "server.ts",
      // e2e fixtures and benches that set up databases of their own.
      "e2e/fixtures/servers.ts",
      "e2e/fixtures/start-pg-server.ts",
      "e2e/bench/run.ts",
      "e2e/bench/workload.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db", "@/db/**", "**/db", "**/db/**"],
              message:
                "Only lib/ and db/ import db/: read and write through a service in lib/ (types: lib/forum/types.ts).",
            },
          ],
        },
      ],
    },
  },
  {
    // server.ts may open the handle (db/client, db/index, db/seed) but never query.
    files: ["server.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db/queries", "@/db/queries/**", "**/db/queries", "**/db/queries/**"],
              message: "server.ts opens the database; queries belong to lib/ services.",
            },
          ],
        },
      ],
    },
  },
  {
    // The arrows point one way: UI never reaches the database directly.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db", "@/db/**", "**/db", "**/db/**"],
              message: "components/ never imports db/: pass data from a page or call an action.",
            },
          ],
        },
      ],
    },
  },
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "data/**",
      "db/migrations/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
];
export default config;
