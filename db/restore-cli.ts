import { readFileSync } from "node:fs";
import { restoreBackup } from "@/lib/backup/archive";
import { getEnv } from "@/lib/env";
import { createStorageFromEnv } from "@/lib/storage";
import { parseFlags } from "./cli";

// `npm run restore -- FILE [--force]`: into the configured database (DATABASE_URL, else DATA_DIR).
async function main() {
  const args = process.argv.slice(2);
  const file = args.find((arg) => !arg.startsWith("--"));
  if (!file) throw new Error("Usage: npm run restore -- FILE [--force]");
  const env = getEnv();
  const report = await restoreBackup(
    readFileSync(file),
    { databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, storage: createStorageFromEnv(env) },
    { force: parseFlags(args).force === true },
  );
  for (const [table, count] of Object.entries(report.rowCounts)) {
    const mark = count.expected === count.restored ? "ok" : "DIFFERENT";
    console.info(`  ${table.padEnd(28)} ${String(count.restored).padStart(8)} / ${count.expected}  ${mark}`);
  }
  console.info(`  files: ${report.files} restored, ${report.missingFiles.length} missing`);
  if (!report.isComplete) throw new Error("Restore finished but the copy does not match the archive (see above).");
  console.info("Restore complete and checked.");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
