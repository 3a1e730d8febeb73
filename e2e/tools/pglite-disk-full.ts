/**
 * Minimal reproduction of PGlite hanging on a full disk, without the app:
 *
 *   mkdir -p /tmp/pglite-full && mount -t tmpfs -o size=60m tmpfs /tmp/pglite-full
 *   npx tsx e2e/tools/pglite-disk-full.ts /tmp/pglite-full
 *   umount /tmp/pglite-full
 *
 * Small rows are inserted until one fails. With PGlite 0.5 the failing insert rejects cleanly
 * (SQLSTATE 53100, `could not write to file "pg_wal/xlogtemp.N": No space left on device`: a new
 * 16 MB WAL segment does not fit, ~15 MB still free), but the next query never settles: it spins
 * inside PGlite's WebAssembly on the Node thread, so its 20 s timeout never fires, the event-loop
 * watchdog below never prints, and a SIGTERM handler would never run. Only a signal without a
 * JavaScript handler (SIGTERM here, SIGKILL in the app) ends the process. The app's disk guard
 * (lib/disk-space.ts, DISK_MIN_FREE_MB) refuses writes long before this point.
 */
import { PGlite } from "@electric-sql/pglite";

const dir = process.argv[2];
if (!dir) throw new Error("usage: npx tsx e2e/tools/pglite-disk-full.ts <folder on a small filesystem>");
const db = new PGlite(`${dir}/pglite`);
await db.exec("create table if not exists t (id serial primary key, body text)");

let last = Date.now();
setInterval(() => {
  if (Date.now() - last > 3_000) console.info(`[watchdog] the event loop was blocked ${Date.now() - last} ms`);
  last = Date.now();
}, 1_000).unref();
const within = <T>(promise: Promise<T>, label: string) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${label}: no answer within 20 s`)), 20_000)),
  ]);

let inserted = 0;
for (;;) {
  try {
    await within(db.query("insert into t (body) values ($1)", [`reply ${inserted} ${"y".repeat(400)}`]), "insert");
    inserted++;
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    console.info(`insert ${inserted + 1} failed: ${code ?? ""} ${message}`);
    break;
  }
}
console.info("the next query (a read):");
try {
  console.info((await within(db.query("select count(*) from t"), "read")).rows);
} catch (error) {
  console.info((error as Error).message);
}
process.exit(0);
