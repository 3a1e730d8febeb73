/**
 * Renders the PNG icons of the web app manifest (public/icons/) from app/icon.svg with headless
 * Chromium, so they follow the logo: `npx tsx e2e/tools/render-icons.ts`, then commit the files.
 */
import { readFileSync } from "node:fs";
import { chromium } from "@playwright/test";

const svg = readFileSync("app/icon.svg", "utf8");
const brand = /fill="(#[0-9a-f]{6})"/i.exec(svg)?.[1] ?? "#a8401a";
/** The letter of the logo, without its rounded square. */
const letter = (size: number, y: number, fill: string) =>
  `<text x="32" y="${y}" font-family="Arial, sans-serif" font-size="${size}" font-weight="700" text-anchor="middle" fill="${fill}">P</text>`;
const svgOf = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">${body}</svg>`;

const icons: { file: string; size: number; svg: string }[] = [
  { file: "icon-192.png", size: 192, svg },
  { file: "icon-512.png", size: 512, svg },
  // Maskable: launchers crop to any shape inside the central 80% circle, so the background fills the square.
  {
    file: "maskable-512.png",
    size: 512,
    svg: svgOf(`<rect width="64" height="64" fill="${brand}"/>${letter(32, 42, "#fff")}`),
  },
  // Badge: Android draws only its alpha channel in the status bar, so the letter alone, on transparency.
  { file: "badge-96.png", size: 96, svg: svgOf(letter(58, 53, "#fff")) },
];

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage();
for (const icon of icons) {
  await page.setViewportSize({ width: icon.size, height: icon.size });
  const html = `<body style="margin:0">${icon.svg.replace("<svg ", `<svg width="${icon.size}" height="${icon.size}" `)}</body>`;
  await page.setContent(html);
  await page.screenshot({ path: `public/icons/${icon.file}`, omitBackground: true });
  console.info(`public/icons/${icon.file}`);
}
await browser.close();
