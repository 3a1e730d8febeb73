/**
 * npm run programme:export > programme.json
 * npm run programme:import -- programme.json [--apply]
 *
 * Export prints the programme of the configured database as a template (lib/programme/README.md).
 * Import validates the file whole, prints what would change, and writes only with --apply.
 */
import { readFileSync } from "node:fs";
import { CliError, parseFlags, runWithDb } from "@/db/cli";
import { allowServerOnlyModules } from "@/lib/jobs/node-server-only";

const [command, ...rest] = process.argv.slice(2);

// The programme modules are server code (marked server-only): allowed in this plain Node
// process, then imported (dynamically, after the hook is in place).
allowServerOnlyModules();

void runWithDb(async ({ db }) => {
  const { exportTemplate } = await import("./apply");
  const { importTemplate } = await import("./import");
  if (command === "export") {
    process.stdout.write(`${JSON.stringify(await exportTemplate(db), null, 2)}\n`);
    return;
  }
  const file = rest.find((arg) => !arg.startsWith("--"));
  if (command !== "import" || !file) {
    throw new CliError(
      "Usage: npm run programme:export > programme.json\n       npm run programme:import -- programme.json [--apply]",
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new CliError(`${file}: not a readable JSON file (${(error as Error).message})`);
  }
  const result = await importTemplate(db, raw, { apply: parseFlags(rest).apply === true });
  if (!result.ok)
    throw new CliError(`${file}: nothing imported.\n${result.errors.map((line) => `  ${line}`).join("\n")}`);
  console.info(result.changes.length ? result.changes.join("\n") : "Aucun changement.");
  console.info(result.isApplied ? "Appliqué." : "Simulation : relancez avec --apply pour appliquer.");
});
