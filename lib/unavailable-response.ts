import type { IncomingMessage, ServerResponse } from "node:http";
import { isDatabaseDown, RETRY_AFTER_SECONDS } from "./db-outage";

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
