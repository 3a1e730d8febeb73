import type { MetadataRoute } from "next";
import { getBranding } from "@/lib/branding/service";
import { logoUrl } from "@/lib/branding/theme";

/**
 * The web app manifest (/manifest.webmanifest, linked from every page by Next): what a browser
 * needs to offer "Installer l'application". Name, description, colour and icon are the
 * community's (lib/branding, edited in the settings page); the built-in icons are rendered from
 * app/icon.svg and stay as a fallback next to an uploaded logo.
 */
export const dynamic = "force-dynamic";

const DEFAULT_DESCRIPTION =
  "La communauté d'entraide des propulseurs : offres d'emploi dans l'ESS, relecture de CV et de lettres, entraînement au pitch.";

export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const branding = await getBranding();
  const logo = logoUrl(branding);
  return {
    id: "/",
    name: `${branding.name} — Communauté`,
    short_name: branding.name,
    description: branding.description || DEFAULT_DESCRIPTION,
    lang: "fr",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#fbf7f2",
    theme_color: branding.primaryColor,
    icons: [
      ...(logo ? [{ src: logo, sizes: "any", type: branding.logo!.contentType, purpose: "any" as const }] : []),
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
