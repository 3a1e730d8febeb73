import "server-only";
import { randomUUID } from "node:crypto";
import { insertAudit } from "@/db/queries/audit";
import { getSettings, setSetting } from "@/db/queries/settings";
import type { ServiceContext } from "@/lib/context";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { canEditBranding } from "@/lib/permissions";
import { getStorage } from "@/lib/storage";
import { checkImage } from "@/lib/uploads/image-check";
import type { BrandingInput } from "@/lib/validation/branding";
import { BRANDING_KEY, DEFAULT_BRANDING, parseBranding, type Branding } from "./defaults";

/**
 * The community's identity, read on every page (layout, manifest, mails): kept in memory for a
 * short while so pages do not pay a query each, and forgotten at once when this process saves a
 * change. Another instance behind the same proxy sees the change within `TTL_MS`.
 */
const TTL_MS = 30_000;
const globalForBranding = globalThis as unknown as { propulseBranding?: { value: Branding; at: number } };

export async function getBranding(): Promise<Branding> {
  const cached = globalForBranding.propulseBranding;
  if (cached && Date.now() - cached.at < TTL_MS) return cached.value;
  try {
    const stored = await getSettings(getDb(), { keys: [BRANDING_KEY] });
    const value = parseBranding(stored.get(BRANDING_KEY));
    globalForBranding.propulseBranding = { value, at: Date.now() };
    return value;
  } catch (error) {
    // The database is out: pages and mails still render, with the last known or built-in identity.
    console.error("[branding] could not read the community's identity:", error);
    return cached?.value ?? DEFAULT_BRANDING;
  }
}

export function forgetBranding(): void {
  delete globalForBranding.propulseBranding;
}

/** Reads the stored identity in `db` (no cache): used inside transactions and by the wizard. */
export async function readBranding(db: ServiceContext["db"]): Promise<Branding> {
  return parseBranding((await getSettings(db, { keys: [BRANDING_KEY] })).get(BRANDING_KEY));
}

/** Writes the identity (the logo kept), audited. Callers check who may; the wizard has its own rule. */
export async function writeBranding(db: ServiceContext["db"], actorId: string, input: BrandingInput) {
  const current = await readBranding(db);
  const value: Branding = { ...input, logo: current.logo };
  await setSetting(db, { key: BRANDING_KEY, value });
  await insertAudit(db, {
    actorId,
    action: "settings.update",
    targetType: "settings",
    targetId: "branding",
    details: { ...input },
  });
  return value;
}

export async function updateBranding({ db, actor }: ServiceContext, input: BrandingInput): Promise<Branding> {
  if (!canEditBranding(actor)) throw new AppError("not_found");
  const value = await db.transaction((tx) => writeBranding(tx, actor!.id, input));
  forgetBranding();
  return value;
}

/**
 * Replaces the logo with an uploaded image, checked by its bytes (PNG, JPEG or WebP; SVG and
 * anything else refused). The file goes to the upload storage; the setting points at it.
 */
export async function replaceLogo({ db, actor }: ServiceContext, bytes: Uint8Array): Promise<Branding["logo"]> {
  if (!canEditBranding(actor)) throw new AppError("not_found");
  const checked = checkImage(bytes);
  if (!checked.ok) throw new AppError("bad_request", `branding.logoRefused.${checked.reason}`, { field: "file" });
  const logo = { key: `branding/${randomUUID()}`, contentType: checked.contentType };
  await getStorage().put(logo.key, bytes, logo.contentType);
  const previous = await db.transaction(async (tx) => {
    const current = await readBranding(tx);
    await setSetting(tx, { key: BRANDING_KEY, value: { ...current, logo } });
    await insertAudit(tx, {
      actorId: actor!.id,
      action: "settings.update",
      targetType: "settings",
      targetId: "branding",
      details: { logo: logo.contentType },
    });
    return current.logo;
  });
  forgetBranding();
  if (previous) await getStorage().delete(previous.key);
  return logo;
}

/** The logo's bytes for the public route, or null when there is none. */
export async function readLogo(): Promise<{ bytes: Uint8Array; contentType: string } | null> {
  const { logo } = await getBranding();
  if (!logo) return null;
  const bytes = await getStorage().get(logo.key);
  return bytes ? { bytes, contentType: logo.contentType } : null;
}
