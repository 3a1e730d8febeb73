/**
 * `npm test`: every suite, then one closing line "N passed, N failed".
 *  1. unit + integration (vitest) on embedded PGlite;
 *  2. the same on PostgreSQL when TEST_DATABASE_URL is set;
 *  3. end-to-end (Playwright, Chromium) against the production build.
 *  0. static checks: TypeScript, ESLint, Prettier, copy-paste detection, dependency audit (one each);
 * Pass suite names (static, unit, postgres, e2e) to run only some of them.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

type Counts = { passed: number; failed: number };
const totals: Counts = { passed: 0, failed: 0 };
const wanted = new Set(process.argv.slice(2));
const shouldRun = (suite: string) => wanted.size === 0 || wanted.has(suite);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", VITE_CONFIG_NATIVE_IGNORE_WARNING: "true" };

mkdirSync("test-results", { recursive: true });

function run(
  label: string,
  command: string,
  args: string[],
  extraEnv: Record<string, string | undefined> = {},
): number {
  console.info(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  return result.status ?? 1;
}

function vitest(label: string, reportFile: string, extraEnv: Record<string, string | undefined>) {
  rmSync(reportFile, { force: true });
  const status = run(
    label,
    "npx",
    ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${reportFile}`],
    extraEnv,
  );
  if (!existsSync(reportFile)) {
    totals.failed += 1; // The runner itself failed (config or import error): count it, do not hide it.
    return;
  }
  const report = JSON.parse(readFileSync(reportFile, "utf8"));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + (status !== 0 && report.numFailedTests === 0 ? 1 : 0);
}

if (shouldRun("static")) {
  for (const [label, args] of [
    ["type check (tsc)", ["tsc", "--noEmit"]],
    ["lint (eslint)", ["eslint", "."]],
    ["format (prettier)", ["prettier", "--check", ".", "--log-level", "warn"]],
    // Paths, minimum size and the threshold live under "jscpd" in package.json.
    ["duplication (jscpd)", ["jscpd"]],
  ] as const) {
    if (run(label, "npx", [...args]) === 0) totals.passed += 1;
    else totals.failed += 1;
  }
  auditProductionDependencies();
}

/**
 * No high or critical advisory in production dependencies. A registry that cannot answer audits
 * (a mirror without the advisory endpoint) is reported, not counted: there is nothing to check.
 */
function auditProductionDependencies() {
  console.info("\n=== dependency audit (npm audit --omit=dev --audit-level=high) ===");
  const result = spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high"], { env, encoding: "utf8" });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status === 0) {
    totals.passed += 1;
  } else if (/audit endpoint returned an error|ENOTFOUND|ECONNREFUSED|ETIMEDOUT/.test(output)) {
    console.info("The registry does not answer audit requests here: audit skipped (not counted).");
  } else {
    console.info(output);
    totals.failed += 1;
  }
}

if (shouldRun("unit"))
  vitest("unit and integration tests on PGlite", "test-results/vitest-pglite.json", { TEST_DATABASE_URL: "" });

if (shouldRun("postgres")) {
  if (process.env.TEST_DATABASE_URL) {
    vitest("integration tests on PostgreSQL", "test-results/vitest-postgres.json", {});
  } else {
    console.info("\n(TEST_DATABASE_URL not set: PostgreSQL run skipped; .ci/run sets it.)");
  }
}

if (shouldRun("e2e")) {
  // The app and the compiled server (`npm start` runs it; the e2e servers run the sources).
  const buildStatus = run("production build", "npm", ["run", "build"]);
  if (buildStatus !== 0) {
    totals.failed += 1;
  } else {
    const reportFile = "test-results/e2e.json";
    rmSync(reportFile, { force: true });
    const e2eStatus = run("end-to-end tests (Chromium)", "npx", ["playwright", "test", "--reporter=list,json"], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: reportFile,
    });
    if (!existsSync(reportFile)) {
      totals.failed += 1;
    } else {
      const { stats } = JSON.parse(readFileSync(reportFile, "utf8"));
      // A test that passed only on retry is flaky, not passed: it counts as a failure.
      totals.passed += stats.expected;
      totals.failed += stats.unexpected + stats.flaky;
      // A run that failed outside any test (a web server that could not start) is a failure too.
      if (e2eStatus !== 0 && stats.unexpected + stats.flaky === 0) totals.failed += 1;
      if (stats.flaky > 0) console.info(`\n${stats.flaky} flaky test(s): passed only on retry, counted as failed.`);
    }
  }
}

console.info(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
