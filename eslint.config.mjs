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
    // Server actions are thin entry points: they call services, never the data layer.
    files: ["lib/actions/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db", "@/db/**"],
              message: "A server action calls a service in lib/<domain>; only services reach db/queries.",
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
    // db/ imports nothing above it: schema and queries may use only the pure vocabularies and
    // shapes in lib/domain (seeds, CLIs, test factories and tests are composition roots: exempt).
    files: ["db/schema/**/*.ts", "db/queries/**/*.ts", "db/client.ts", "db/index.ts"],
    ignores: ["db/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/|(\\.\\./)+)lib(/(?!domain(/|$))|$)",
              message: "db/ imports nothing from lib/ but lib/domain: move the pure type or list there.",
            },
          ],
        },
      ],
    },
  },
  {
    // lib/domain is the bottom of the stack: pure lists and types that everything may import.
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/|\\.\\./)",
              message: "lib/domain imports nothing from the app: keep it pure (plain lists and types).",
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
