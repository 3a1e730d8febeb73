import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCE_ROOTS = [
  "app",
  "components",
  "lib",
  "db",
  "public",
  "next.config.ts",
  "package-lock.json",
  "postcss.config.mjs",
  "server.ts",
];

function newestMtime(entry: string): number {
  // Tests are not part of the build: editing one must not trigger a rebuild.
  if (!existsSync(entry) || /\.test\.tsx?$/.test(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  // Files only: a folder's own time changes when a test file is added to it.
  let newest = 0;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/**
 * True when `.next` holds a production build at least as recent as every source file, so that
 * `npm start` on a fresh clone (or after a pull) builds first, and skips it otherwise.
 * `compiledServer`: the build must also hold the compiled server (`npm start` runs it).
 */
export function isBuildFresh(root = process.cwd(), { compiledServer = false } = {}): boolean {
  const distDir = path.join(root, process.env.NEXT_DIST_DIR || ".next");
  const outputs = [
    path.join(distDir, "BUILD_ID"),
    ...(compiledServer ? [path.join(distDir, "node", "server.mjs")] : []),
  ];
  if (!outputs.every((output) => existsSync(output))) return false;
  const builtAt = Math.min(...outputs.map((output) => statSync(output).mtimeMs));
  return SOURCE_ROOTS.every((entry) => newestMtime(path.join(root, entry)) <= builtAt);
}
