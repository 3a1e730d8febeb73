import { randomUUID } from "node:crypto";
import type { APIRequestContext, Browser, Page, TestInfo } from "@playwright/test";
import { createThread } from "./fixtures/forum";
import { expect, test } from "./fixtures/test";
import { createUser, signInOverHttp, type TestUser } from "./fixtures/users";

/**
 * Every page of the demo content, as each kind of account, on a 360×740 touch phone:
 * no page scrolls sideways, every interactive target is at least 44×44 px (WCAG 2.5.5), and a
 * screenshot of each page lands in the test output for a person to look at.
 */

const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true } as const;
const DEMO_PASSWORD = "propulse-demo";
/** Enough for the whole demo content (about 60 pages per account); a runaway crawl stops here. */
const MAX_PAGES = 150;

/** Links that are not pages to look at: files, feeds, exports, one-shot tokens, signing out. */
const SKIPPED = [
  /^\/api\//,
  /^\/feeds/,
  /\/export/,
  /^\/dev\//,
  /^\/unsubscribe/,
  /^\/verify-email/,
  /^\/reset-password/,
  /^\/_next\//,
  /\.(pdf|png|jpe?g|svg|ico|xml|json|ics|csv|webm|mp4|txt)$/,
];

type Role = "visitor" | "member" | "pro" | "facilitator" | "admin";

/** The demo's own member and pro (they own a CV review and offers); staff come with two-factor set up. */
async function accountFor(
  role: Role,
  request: APIRequestContext,
): Promise<Pick<TestUser, "email" | "password" | "totpSecret"> | null> {
  if (role === "visitor") return null;
  if (role === "member") return { email: "camille@propulse.demo", password: DEMO_PASSWORD };
  if (role === "pro") return { email: "pro@propulse.demo", password: DEMO_PASSWORD };
  return createUser(request, { role });
}

/** Same-site page paths among these hrefs (query strings dropped: they show the same page). */
function pagePaths(hrefs: string[]): string[] {
  const paths = new Set<string>();
  for (const raw of hrefs) {
    const href = raw.split(/[?#]/)[0]!;
    if (!href.startsWith("/") || href.startsWith("//")) continue;
    if (SKIPPED.some((pattern) => pattern.test(href))) continue;
    paths.add(href.replace(/\/$/, "") || "/");
  }
  return [...paths];
}

/** Besides what the links lead to, every role opens the help and one of its pages (a visitor is asked to sign in). */
const START_PATHS = ["/", "/aide", "/aide/poster-mon-cv"];

/**
 * A path with its ids (segments starting with a digit) replaced, so threads share one shape; the
 * help pages (`/aide/<slug>`) share one too, whatever their address.
 */
function shapeOf(path: string): string {
  return path.replace(/\/\d[^/]*/g, "/:id").replace(/^\/aide\/(?!nouvelle(?:\/|$))[^/]+/, "/aide/:slug");
}

type PageFindings = { overflow: string | null; smallTargets: string[] };

/** Runs in the page: the width overflow (with the elements past the right edge) and the small targets. */
function inspect(): PageFindings {
  const width = window.innerWidth;
  const describe = (element: Element) => {
    const label =
      element.getAttribute("aria-label") ||
      (element as HTMLElement).innerText?.trim().replace(/\s+/g, " ").slice(0, 40) ||
      element.getAttribute("name") ||
      element.getAttribute("type") ||
      "";
    const id = element.id ? `#${element.id}` : "";
    return `${element.tagName.toLowerCase()}${id} "${label}"`;
  };

  let overflow: string | null = null;
  if (document.documentElement.scrollWidth > width) {
    const past = [...document.body.querySelectorAll("*")]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.right > width + 0.5 && box.width > 0 && box.width <= width * 1.5;
      })
      .slice(-4)
      .map((element) => `${describe(element)} ends at ${Math.round(element.getBoundingClientRect().right)}px`);
    overflow = `page is ${document.documentElement.scrollWidth}px wide: ${past.join("; ")}`;
  }

  const interactive =
    'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="tab"], [role="checkbox"], [role="radio"], [role="switch"], [tabindex]:not([tabindex="-1"])';
  const isInline = (element: Element) => getComputedStyle(element).display === "inline";
  /**
   * WCAG 2.5.8's inline exception: a link inside a sentence (a paragraph, a list item of text,
   * user-written rich text) keeps the line height of its text.
   */
  const isInRunningText = (element: Element) => {
    if (!isInline(element)) return false;
    if (element.closest(".prose-post")) return true;
    let block = element.parentElement;
    while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    if (!block || !["P", "LI", "DD", "TD", "LABEL", "BLOCKQUOTE", "FIGCAPTION"].includes(block.tagName)) return false;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let text = "";
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement?.closest(interactive)) text += node.textContent;
    }
    return /\p{L}{3,}/u.test(text);
  };
  /** A checkbox or a radio is reached through its label: the label is the target. */
  const targetBox = (element: Element) => {
    const box = element.getBoundingClientRect();
    if (element instanceof HTMLInputElement && element.labels?.length) {
      const label = element.labels[0]!.getBoundingClientRect();
      return {
        width: Math.max(box.right, label.right) - Math.min(box.left, label.left),
        height: Math.max(box.bottom, label.bottom) - Math.min(box.top, label.top),
      };
    }
    return box;
  };
  const smallTargets: string[] = [];
  for (const element of document.querySelectorAll(interactive)) {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    // Not on screen for anyone: closed menus, visually hidden helpers (1 px), disabled inert parts.
    if (box.width <= 1 || box.height <= 1 || style.visibility === "hidden" || element.closest("[inert]")) continue;
    if (isInRunningText(element)) continue;
    const target = targetBox(element);
    if (target.width < 43.5 || target.height < 43.5) {
      smallTargets.push(`${describe(element)} ${Math.round(target.width)}×${Math.round(target.height)}`);
    }
  }
  return { overflow, smallTargets };
}

async function settle(page: Page) {
  // Laid out with its fonts and images (live updates keep a socket open, so the network never idles).
  await page.waitForLoadState("load");
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(resolve))));
}

function fileNameFor(role: Role, path: string) {
  return `${role}${path.replace(/[^a-z0-9]+/gi, "-").replace(/-$/, "") || "-home"}.png`;
}

/**
 * Every kind of page reachable from the home page by links, as this account sees them, one page
 * of each shape (pages of one shape share a template; the threads other specs create at the
 * same time neither lengthen the sweep nor decide what it finds). Each page is loaded once:
 * inspected, photographed, and its links followed. Redirects (to sign in, to a canonical slug)
 * lead to pages found on their own.
 */
async function sweep(role: Role, browser: Browser, request: APIRequestContext, testInfo: TestInfo) {
  const context = await browser.newContext({ ...PHONE, locale: "fr-FR" });
  const account = await accountFor(role, request);
  if (account) await signInOverHttp(context, account);
  const page = await context.newPage();
  const seen = new Set<string>(START_PATHS);
  const queue = [...START_PATHS];
  const shapes = new Set<string>();
  const swept: string[] = [];
  while (queue.length > 0 && swept.length < MAX_PAGES) {
    const path = queue.shift()!;
    if (shapes.has(shapeOf(path))) continue;
    const response = await page.goto(path).catch(() => null); // A download is not a page.
    const type = response?.headers()["content-type"] ?? "";
    if (!response || response.request().redirectedFrom() || response.status() !== 200 || !type.includes("text/html"))
      continue;
    shapes.add(shapeOf(path));
    swept.push(path);
    await settle(page);
    const findings = await page.evaluate(inspect);
    await page.screenshot({ path: testInfo.outputPath(fileNameFor(role, path)), fullPage: true });
    // Reported page by page, so a slow run still names every page it saw.
    expect.soft(findings.overflow, `${role} ${path}: scrolls sideways`).toBeNull();
    expect.soft(findings.smallTargets, `${role} ${path}: targets under 44 px`).toEqual([]);
    const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
    for (const link of pagePaths(hrefs)) {
      if (seen.has(link)) continue;
      seen.add(link);
      queue.push(link);
    }
  }
  // A visitor sees the public pages only; signed-in accounts see the programme's pages too.
  expect(swept.length, `pages found for ${role}`).toBeGreaterThan(role === "visitor" ? 10 : 25);
  await context.close();
  testInfo.annotations.push({ type: "pages", description: `${swept.length} pages as ${role}` });
}

test.describe("on a 360 px touch phone", () => {
  // A few dozen pages each (a few minutes on an idle machine), one navigation per page.
  test.describe.configure({ timeout: 900_000 });

  for (const role of ["visitor", "member", "pro", "facilitator", "admin"] as const) {
    test(`every page as ${role}: no sideways scroll, touch targets of 44 px, a screenshot each`, async ({
      browser,
      request,
    }, testInfo) => {
      await sweep(role, browser, request, testInfo);
    });
  }
});

test("on a phone the bottom bar leads everywhere, staff see what waits for them, the report dialog fits", async ({
  browser,
  request,
}) => {
  // Several accounts and browser contexts: more than a usual test's time on a busy machine.
  test.slow();
  const suffix = randomUUID().slice(0, 6);
  const author = await createUser(request, { name: `Autrice ${suffix}` });
  const reader = await createUser(request, { name: `Lecteur ${suffix}` });
  const facilitator = await createUser(request, { role: "facilitator" });
  const authorContext = await browser.newContext();
  await signInOverHttp(authorContext, author);
  const thread = await createThread(authorContext.request, { channel: "programme", title: `Bon plan ${suffix}` });
  await authorContext.close();

  // A member reports the post from a phone: the dialog's buttons stay on the screen.
  const readerContext = await browser.newContext({ ...PHONE, locale: "fr-FR" });
  await signInOverHttp(readerContext, reader);
  const phone = await readerContext.newPage();
  await phone.goto(thread.path);
  await phone.locator("#p1").getByRole("button", { name: "Signaler" }).click();
  const dialog = phone.getByRole("dialog", { name: "Signaler ce message" });
  const cancel = (await dialog.getByRole("button", { name: "Annuler" }).boundingBox())!;
  expect(cancel.x + cancel.width).toBeLessThanOrEqual(360);
  await dialog.getByLabel("Pourquoi ce message pose-t-il problème ?").fill("Démarchage");
  await dialog.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(phone.getByText("l'équipe d'animation a reçu votre signalement")).toBeVisible();

  // The bar's destinations, the current one marked.
  const bar = phone.getByRole("navigation", { name: "Navigation principale" });
  for (const name of ["Accueil", "Salons", "Recherche", "Messages", "Moi"]) {
    await expect(bar.getByRole("link", { name })).toBeVisible();
  }
  await bar.getByRole("link", { name: "Recherche" }).click();
  await expect(phone).toHaveURL(/\/recherche$/);
  await expect(bar.getByRole("link", { name: "Recherche" })).toHaveAttribute("aria-current", "page");
  await bar.getByRole("link", { name: "Moi" }).click();
  await expect(phone.getByRole("heading", { name: "Mon espace", level: 1 })).toBeVisible();
  for (const name of ["Mes candidatures", "Questions à répondre", "Annuaire des pros"]) {
    await expect(phone.getByRole("main").getByRole("link", { name })).toBeVisible();
  }
  await expect(phone.getByRole("main").getByRole("link", { name: /Modération/ })).toHaveCount(0);
  await readerContext.close();

  // A facilitator: the badge on "Moi" counts the report, and Modération is one tap away on that page.
  const staffContext = await browser.newContext({ ...PHONE, locale: "fr-FR" });
  await signInOverHttp(staffContext, facilitator);
  const staffPhone = await staffContext.newPage();
  await staffPhone.goto("/");
  const me = staffPhone.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: /^Moi/ });
  await expect(me).toHaveAccessibleName(/Moi \d+ demandes? en attente/);
  await me.click();
  await staffPhone
    .getByRole("main")
    .getByRole("link", { name: /^Modération \d+/ })
    .click();
  await expect(staffPhone.getByRole("heading", { name: "Modération", level: 1 })).toBeVisible();
  await staffContext.close();
});

test("on a desktop the shortcuts sit in the header, and the account menu closes after navigating", async ({
  browser,
  request,
}) => {
  // Several accounts and browser contexts: more than a usual test's time on a busy machine.
  test.slow();
  const facilitator = await createUser(request, { role: "facilitator" });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "fr-FR" });
  await signInOverHttp(context, facilitator);
  const page = await context.newPage();
  await page.goto("/");
  const shortcuts = page.getByRole("navigation", { name: "Raccourcis" });
  for (const name of ["Mes candidatures", "Questions à répondre", "Annuaire des pros", "Modération"]) {
    await expect(shortcuts.getByRole("link", { name: new RegExp(`^${name}`) })).toBeVisible();
  }
  // The bar of phones is not shown here.
  await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeHidden();

  const summary = page.locator("summary", { hasText: "Menu du compte" });
  await summary.click();
  await page.getByRole("link", { name: "Paramètres du compte" }).click();
  await expect(page).toHaveURL(/\/settings\/profile$/);
  await expect(page.getByRole("link", { name: "Paramètres du compte" })).toBeHidden();
  // Escape closes it too, and gives the focus back to its button.
  await summary.click();
  await expect(page.getByRole("link", { name: "Mon profil", exact: true })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("link", { name: "Mon profil", exact: true })).toBeHidden();
  await expect(summary).toBeFocused();
  await context.close();
});

test("offer filters fold behind a button that counts them on a phone, and stay open on a desktop", async ({
  browser,
}) => {
  // Several accounts and browser contexts: more than a usual test's time on a busy machine.
  test.slow();
  const context = await browser.newContext({ ...PHONE, locale: "fr-FR" });
  const phone = await context.newPage();
  await phone.goto("/c/offres?contract=cdi&workMode=hybrid");
  await expect(phone.getByLabel("Contrat", { exact: true })).toBeHidden();
  await phone.getByText("Filtres (2)").click();
  await expect(phone.getByLabel("Contrat", { exact: true })).toBeVisible();
  await expect(phone.getByRole("link", { name: "S'abonner aux offres (flux)" })).toHaveAttribute(
    "href",
    "/feeds/offres.xml?contract=cdi&workMode=hybrid",
  );
  await context.close();

  const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "fr-FR" });
  const page = await desktop.newPage();
  await page.goto("/c/offres");
  await expect(page.getByLabel("Contrat", { exact: true })).toBeVisible();
  await expect(page.getByText("Filtres", { exact: true })).toBeHidden();
  await desktop.close();
});
