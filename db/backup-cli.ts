import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createBackup } from "@/lib/backup/archive";
import { getEnv, EnvError } from "@/lib/env";
import { createStorageFromEnv } from "@/lib/storage";
import { parseFlags } from "./cli";

// `npm run backup [-- --out DIR]`: one archive (database + files + checksums) in DIR (./backups).
async function main() {
  const env = getEnv();
  const flags = parseFlags(process.argv.slice(2));
  const outDir = path.resolve(typeof flags.out === "string" ? flags.out : "backups");
  const { zip, manifest } = await createBackup({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    storage: createStorageFromEnv(env),
  });
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `propulse-${manifest.driver}-${manifest.createdAt.replace(/[:.]/g, "-")}.zip`);
  writeFileSync(file, zip, { mode: 0o600 });
  const rows = Object.values(manifest.rowCounts).reduce((sum, n) => sum + n, 0);
  console.info(`Backup written: ${file}`);
  console.info(
    `  ${manifest.driver}, ${Object.keys(manifest.rowCounts).length} tables, ${rows} rows, ${manifest.files.length} files, ${(zip.byteLength / 1024).toFixed(0)} KiB`,
  );
  if (manifest.missingFiles.length > 0) {
    console.warn(
      `  ${manifest.missingFiles.length} file row(s) had no bytes in storage: ${manifest.missingFiles.join(", ")}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError || error instanceof Error ? error.message : error);
  process.exit(1);
});
