import { getEnv, EnvError } from "@/lib/env";
import { openDb, migrateDb, type DbHandle } from "./client";

/** Opens and migrates the configured database for a command-line task, then closes it. */
export async function runWithDb(task: (handle: DbHandle) => Promise<void>): Promise<void> {
  try {
    const env = getEnv();
    const handle = openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, poolMax: 2 });
    try {
      await migrateDb(handle);
      await task(handle);
    } finally {
      await handle.close();
    }
  } catch (error) {
    console.error(error instanceof EnvError || error instanceof CliError ? error.message : error);
    process.exit(1);
  }
}

/** An error whose message is meant for the person at the terminal. */
export class CliError extends Error {}

/** Reads `--name value` pairs from argv. */
export function parseFlags(argv: string[]): Record<string, string | true> {
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) continue;
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith("--")) {
      flags[arg.slice(2)] = next;
      i++;
    } else {
      flags[arg.slice(2)] = true;
    }
  }
  return flags;
}
