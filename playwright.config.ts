import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
/** Overridable so two runs can share a machine (each with its own port, data and build folder). */
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? "data/e2e";

// Debian's Chromium when present (CI installs it); otherwise Playwright's own browser.
const systemChromium = "/usr/bin/chromium";
const launchOptions = existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
      args: [
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--disable-gpu",
      ],
    }
  : {};

// With a PostgreSQL server, the forum and live specs also run against an instance on PostgreSQL.
const hasPostgres = Boolean(process.env.TEST_DATABASE_URL);
const PG_PORT = PORT + 1;

const serverEnv = {
  HOSTNAME: "localhost",
  E2E_HOOKS: "1",
  NEXT_TELEMETRY_DISABLED: "1",
  // Specs create many threads and replies from brand-new accounts: limits raised (still counted).
  RATE_LIMIT_THREADS_PER_HOUR: "1000",
  RATE_LIMIT_THREADS_PER_HOUR_NEW: "1000",
  RATE_LIMIT_POSTS_PER_HOUR: "1000",
  RATE_LIMIT_POSTS_PER_HOUR_NEW: "1000",
  // All specs share one client address: the per-address request budget is tested in lib/rate-limit.
  REQUEST_LIMIT: "off",
};

export default defineConfig({
  testDir: "e2e",
  // Several-instance tests need a PostgreSQL server: they run when TEST_DATABASE_URL is set.
  testIgnore: process.env.TEST_DATABASE_URL ? [] : ["**/multi-instance.spec.ts", "**/proxy.spec.ts"],
  fullyParallel: true,
  forbidOnly: true,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  use: {
    // Auth.js computes its origin as localhost: browsing 127.0.0.1 would lose the CSRF cookie.
    baseURL: `http://localhost:${PORT}`,
    locale: "fr-FR",
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions } },
    ...(hasPostgres
      ? [
          {
            name: "postgres",
            // The forum and live updates in the browser. What else differs between the databases
            // (queries, uploads' rows, catch-up paging past 200 replies) is covered by the
            // PostgreSQL run of the integration tests, at a fraction of the time.
            testMatch: ["**/forum.spec.ts", "**/live.spec.ts"],
            grepInvert: /missed more than 200 replies/,
            use: { ...devices["Desktop Chrome"], launchOptions, baseURL: `http://localhost:${PG_PORT}` },
          },
        ]
      : []),
  ],
  webServer: [
    {
      // The production build on a fresh embedded database, with the test hooks enabled.
      command: `rm -rf ${E2E_DATA_DIR} && node --import tsx server.ts`,
      url: `http://localhost:${PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 240_000,
      env: { ...serverEnv, PORT: String(PORT), DATA_DIR: E2E_DATA_DIR, SEED_ON_EMPTY: "true", DATABASE_URL: "" },
      stdout: "ignore",
      stderr: "pipe",
    },
    ...(hasPostgres
      ? [
          {
            // The same build on a fresh PostgreSQL database (dropped afterwards).
            command: "node --import tsx e2e/fixtures/start-pg-server.ts",
            url: `http://localhost:${PG_PORT}/api/health`,
            reuseExistingServer: false,
            timeout: 240_000,
            // Its uploads go to a folder of their own, next to the embedded server's.
            env: {
              ...serverEnv,
              PORT: String(PG_PORT),
              DATA_DIR: `${E2E_DATA_DIR}-pg`,
              AUTH_SECRET: "e2e-postgres-secret-0123456789abcdef",
            },
            stdout: "ignore" as const,
            stderr: "pipe" as const,
            // Without it Playwright SIGKILLs the process group and the scratch database is never dropped.
            gracefulShutdown: { signal: "SIGTERM" as const, timeout: 15_000 },
          },
        ]
      : []),
  ],
});
