import "server-only";
import { after } from "next/server";

/**
 * Runs `task` once the response has been sent (Next's `after`), so the member does not wait for
 * work done on others' behalf (notifying a thousand followers). Outside a request (tests,
 * scripts, job workers) there is no response to wait for: it runs at once, and is awaited.
 */
export async function afterResponse(task: () => Promise<void>): Promise<void> {
  try {
    after(task);
  } catch {
    await task();
  }
}
