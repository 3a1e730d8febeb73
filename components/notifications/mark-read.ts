/** Marks lines read as their link is followed; `keepalive` lets the request outlive the page. */
export function markNotificationsRead(body: { ids: number[] } | { all: true }) {
  return fetch("/api/notifications/read", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    keepalive: true,
  });
}
