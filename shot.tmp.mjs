import { chromium } from "@playwright/test";
const base = "http://localhost:3950";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
async function session(email, width) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto(base + "/sign-in");
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/mot de passe/i).fill("propulse-demo");
  await page.getByRole("button", { name: /se connecter/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  return page;
}
const [,, email, width, ...paths] = process.argv;
const page = await session(email, Number(width));
for (const p of paths) {
  const [path, action] = p.split("|");
  await page.goto(base + path);
  await page.waitForLoadState("load"); await page.waitForTimeout(600);
  if (action === "bell") { await page.getByRole("button", { name: /notifications/i }).click(); await page.waitForTimeout(800); }
  const file = `/tmp/shot-${width}-${path.replace(/[^a-z0-9]+/gi, "_")}${action ? "-" + action : ""}.png`;
  await page.screenshot({ path: file, fullPage: action !== "bell" });
  console.log(file, await page.title());
}
await browser.close();
