import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // The arrows point one way: UI never reaches the database directly.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db", "@/db/*"],
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
    ignores: [
      "db/**/*.test.ts",
      // TEMPORARY (architecture item 3): the view and permission shaping moves up into lib/forum.
      "db/queries/thread-page.ts",
    ],
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
