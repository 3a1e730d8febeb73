import type { IncomingMessage, ServerResponse } from "node:http";
import { isDatabaseDown, RETRY_AFTER_SECONDS } from "./db-outage";
import { isDiskLow } from "./disk-space";

// Static files, the health check and live connections do not need the database (health reports it).
const PASS_THROUGH = /^\/(?:_next\/|socket\.io\/|api\/health(?:\/|\?|$)|favicon|icon|manifest|sw\.js|offline)/;

const PAGE = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS * 2}"><title>Service momentanément indisponible · Pro'pulse</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2a30;line-height:1.5}h1{font-size:1.5rem}</style></head>
<body><main><h1>Service momentanément indisponible</h1>
<p>Pro'pulse ne peut pas joindre sa base de données pour l'instant. Vos messages déjà envoyés sont en sécurité.</p>
<p>La page se rechargera d'elle-même dans quelques secondes.</p></main></body>
</html>`;

/**
 * While the database is known to be down, answers 503 with Retry-After at the door instead of
 * letting pages and routes fail one by one: JSON for the API, a calm French page otherwise.
 * Server actions pass (their wrapper answers a curated "unavailable" result the form shows).
 * Returns true when it answered.
 */
export function answerIfDatabaseDown(req: IncomingMessage, res: ServerResponse): boolean {
  if (!isDatabaseDown() || PASS_THROUGH.test(req.url ?? "/") || req.headers["next-action"]) return false;
  const isApi = (req.url ?? "").startsWith("/api/");
  res.statusCode = 503;
  res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
  res.setHeader("Cache-Control", "no-store");
  if (isApi) {
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify({ error: "unavailable", message: "Service momentanément indisponible, réessayez." }));
  } else {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(PAGE);
  }
  return true;
}

// Writes that still pass while space is low: signing in and out (a session row, a cookie), live
// connections (socket.io's polling transport posts), and server actions, whose wrapper answers
// the localized `errors.insufficient_storage` to the form instead.
const WRITE_PASS_THROUGH = /^\/(?:_next\/|socket\.io\/|api\/auth\/)/;
const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const DISK_PAGE = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Enregistrement suspendu · Pro'pulse</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2a30;line-height:1.5}h1{font-size:1.5rem}</style></head>
<body><main><h1>Enregistrement suspendu</h1>
<p>Le serveur manque d'espace disque : rien n'a été enregistré. La lecture continue ; réessayez plus tard.</p></main></body>
</html>`;

/**
 * While free space under DATA_DIR is below DISK_MIN_FREE_MB (lib/disk-space), answers writes
 * 507 Insufficient Storage at the door: JSON for the API, a short French page otherwise. Reads
 * and /api/health go on. Returns true when it answered.
 */
export function answerIfDiskLow(req: IncomingMessage, res: ServerResponse): boolean {
  if (!isDiskLow() || READ_METHODS.has(req.method ?? "GET") || req.headers["next-action"]) return false;
  if (WRITE_PASS_THROUGH.test(req.url ?? "/")) return false;
  res.statusCode = 507;
  res.setHeader("Retry-After", "60");
  res.setHeader("Cache-Control", "no-store");
  if ((req.url ?? "").startsWith("/api/")) {
    res.setHeader("Content-Type", "application/json");
    res.end(
      JSON.stringify({
        error: "insufficient_storage",
        message: "Le serveur manque d'espace disque : les enregistrements sont suspendus, la lecture continue.",
      }),
    );
  } else {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(DISK_PAGE);
  }
  return true;
}
