/** URL slug from a title: lowercase ASCII words joined by dashes ("Relire mon CV ?" → "relire-mon-cv"). */
export function slugify(title: string, maxLength = 60): string {
  const slug = title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/g, "");
  return slug || "fil";
}

/** `/c/<channel>/<id>-<slug>`: the stable, shareable address of a thread. */
export function threadPath(channelSlug: string, thread: { id: number; slug: string }): string {
  return `/c/${channelSlug}/${thread.id}-${thread.slug}`;
}

/** Reads the thread id from the `<id>-<slug>` segment; null when malformed. */
export function parseThreadRef(ref: string): number | null {
  const match = /^(\d{1,15})(?:-|$)/.exec(ref);
  if (!match) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
