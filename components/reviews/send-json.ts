/** What one of our JSON routes answered: success, or its localized message (null when unreachable). */
export type JsonResult = { ok: true } | { ok: false; message: string | null };

/** Sends JSON (or nothing) to one of our routes with the session cookie. */
export async function sendJson(url: string, method: "POST" | "DELETE", body?: unknown): Promise<JsonResult> {
  const response = await fetch(url, {
    method,
    headers: { "content-type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  }).catch(() => null);
  if (response?.ok) return { ok: true };
  // A refusal has one message, or messages per field (these forms show the first one).
  const data = (await response?.json().catch(() => null)) as {
    message?: string;
    fields?: Record<string, string[]>;
  } | null;
  return { ok: false, message: data?.message ?? Object.values(data?.fields ?? {}).flat()[0] ?? null };
}
