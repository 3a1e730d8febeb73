import "server-only";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Guards ids taken from URLs before they reach SQL (a malformed uuid would be a 500). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
