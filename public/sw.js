/*
 * Pro'pulse service worker, hand-written and small on purpose: it shows push notifications and
 * an offline page, nothing else. Pages are never cached (they show members' data); only the
 * offline page (fetched without cookies) and the stylesheets it uses are.
 * Served with `Cache-Control: no-cache` (next.config.ts) so an update reaches browsers at once.
 */
const CACHE = "propulse-offline-v1";
const OFFLINE_URL = "/offline";
const ICON = "/icons/icon-192.png";
const BADGE = "/icons/badge-96.png";

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const response = await fetch(new Request(OFFLINE_URL, { credentials: "omit", cache: "reload" }));
      if (!response.ok) throw new Error(`offline page: ${response.status}`);
      const html = await response.clone().text();
      // Its stylesheets too, or the page would show unstyled; scripts are not needed to read it.
      const styles = [...html.matchAll(/href="(\/_next\/static\/[^"]+\.css)"/g)].map((match) => match[1]);
      await cache.put(OFFLINE_URL, response);
      await cache.addAll([...new Set(styles)]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith("propulse-") && name !== CACHE).map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Network first, always: the offline page only when the network fails, never a stored page.
    event.respondWith(fetch(request).catch(() => offlinePage()));
  } else if (new URL(request.url).pathname.startsWith("/_next/static/")) {
    // Build assets are immutable; the cached ones are only the offline page's stylesheets.
    event.respondWith(fetch(request).catch(async () => (await caches.match(request)) ?? Response.error()));
  }
});

async function offlinePage() {
  return (await caches.match(OFFLINE_URL)) ?? new Response("Hors ligne / Offline", { status: 503 });
}

/** Only paths of this site open from a notification. */
function sameOriginUrl(value) {
  try {
    const url = new URL(value || "/", self.location.origin);
    return url.origin === self.location.origin ? url.href : self.location.origin + "/";
  } catch {
    return self.location.origin + "/";
  }
}

self.addEventListener("push", (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = { body: event.data ? event.data.text() : "" };
  }
  const title = typeof message.title === "string" && message.title ? message.title : "Pro'pulse";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof message.body === "string" ? message.body : "",
      tag: typeof message.tag === "string" ? message.tag : undefined,
      data: { url: sameOriginUrl(message.url) },
      icon: ICON,
      badge: BADGE,
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = sameOriginUrl(event.notification.data && event.notification.data.url);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const open = windows.find((client) => client.url === url);
      if (open) return open.focus();
      return self.clients.openWindow(url);
    })(),
  );
});
