import type { MetadataRoute } from "next";

/**
 * The web app manifest (/manifest.webmanifest, linked from every page by Next): what a browser
 * needs to offer "Installer l'application". Colours are the brand's (app/globals.css, the
 * viewport's theme colour in app/layout.tsx); icons are rendered from app/icon.svg.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Pro'pulse — Communauté",
    short_name: "Pro'pulse",
    description:
      "La communauté d'entraide des propulseurs : offres d'emploi dans l'ESS, relecture de CV et de lettres, entraînement au pitch.",
    lang: "fr",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#fbf7f2",
    theme_color: "#a8401a",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
