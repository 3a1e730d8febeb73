/**
 * The community's identity as stored in the `branding` setting. The defaults are today's
 * Pro'pulse (so the demo looks the same); an empty text means "use the message files' wording"
 * (with the name put in), so only what an admin actually wrote overrides them.
 */
export type Branding = {
  name: string;
  description: string;
  territory: string;
  organisation: string;
  primaryColor: string;
  secondaryColor: string;
  emailSenderName: string;
  emailSignature: string;
  footerText: string;
  /** The uploaded logo (a storage key and its checked type), or null for the text name alone. */
  logo: { key: string; contentType: string } | null;
};

export const BRANDING_KEY = "branding";

/** The name written in the message files, replaced by the community's name when they load. */
export const BUILT_IN_NAME = "Pro'pulse";

export const DEFAULT_BRANDING: Branding = {
  name: BUILT_IN_NAME,
  description: "",
  territory: "",
  organisation: "",
  primaryColor: "#a8401a",
  secondaryColor: "#0f6b63",
  emailSenderName: "",
  emailSignature: "",
  footerText: "",
  logo: null,
};

const TEXT_FIELDS = [
  "name",
  "description",
  "territory",
  "organisation",
  "emailSenderName",
  "emailSignature",
  "footerText",
] as const;

/** A stored value read back leniently: unknown or broken fields fall back to the defaults. */
export function parseBranding(value: unknown): Branding {
  if (!value || typeof value !== "object") return DEFAULT_BRANDING;
  const stored = value as Record<string, unknown>;
  const branding: Branding = { ...DEFAULT_BRANDING };
  for (const field of TEXT_FIELDS) {
    if (typeof stored[field] === "string") branding[field] = stored[field];
  }
  if (!branding.name.trim()) branding.name = DEFAULT_BRANDING.name;
  for (const field of ["primaryColor", "secondaryColor"] as const) {
    const color = stored[field];
    if (typeof color === "string" && /^#[0-9a-f]{6}$/i.test(color)) branding[field] = color.toLowerCase();
  }
  const logo = stored.logo as Branding["logo"] | undefined;
  if (logo && typeof logo.key === "string" && typeof logo.contentType === "string") branding.logo = logo;
  return branding;
}
