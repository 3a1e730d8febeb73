import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { createUser, signInOverHttp } from "./fixtures/users";

/** Records the page's Content-Security-Policy violations (the browser fires one event per block). */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations ?? []);
}

/** Opens each path and waits until the page is idle: scripts loaded, editors and viewers mounted. */
async function crawl(page: Page, paths: string[]): Promise<Record<string, string[]>> {
  const violations = await watchViolations(page);
  const found: Record<string, string[]> = {};
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(500);
    await page.waitForLoadState("networkidle");
    const seen = await violations();
    if (seen.length) found[path] = seen;
  }
  return found;
}

/** The first thread of a channel, as its list links to it. */
async function firstThreadPath(page: Page, channel: string): Promise<string> {
  await page.goto(`/c/${channel}`);
  const href = await page
    .locator(`a[href^="/c/${channel}/"]`)
    .filter({ hasNotText: /nouveau|new/i })
    .first()
    .getAttribute("href");
  return href!;
}

test("every page carries a nonce policy, the nonce changes with each response and every script carries it", async ({
  page,
}) => {
  const policies: string[] = [];
  for (let visit = 0; visit < 2; visit++) {
    const response = await page.goto("/c/offres");
    const policy = response!.headers()["content-security-policy"] ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) {
      expect(policy).toContain(directive);
    }
    expect(policy).not.toContain("unsafe-eval");
    expect(response!.headers()["cache-control"]).toContain("no-store");
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1] ?? "";
    // Every script the server wrote carries this response's nonce (those Next adds later are
    // trusted through 'strict-dynamic').
    const scriptTags = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
    const executable = scriptTags.filter((tag) => !tag.includes('type="application/ld+json"'));
    expect(executable.length).toBeGreaterThan(0);
    expect(executable.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
    policies.push(nonce);
  }
  expect(policies[0]).not.toBe(policies[1]);
});

test("markup injected into a page cannot run its inline handlers", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/c/offres");
  await page.evaluate(() =>
    document.body.insertAdjacentHTML("beforeend", `<img src="/missing.png" onerror="window.__injected = true">`),
  );
  await expect.poll(async () => (await violations()).join("\n")).toContain("script-src");
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
});

test("no page breaks the policy, for visitors and for each role: editor, PDF viewer, recorder, service worker", async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const visitorPaths = ["/", "/sign-in", "/sign-up", "/c/offres", "/offline", "/page-inconnue"];
  const memberPaths = [
    "/",
    "/c/entraide",
    "/c/entraide/new",
    "/c/cv/review/new",
    "/c/pitch/pitch/new",
    "/cafe",
    "/activites",
    "/activites/nouvelle",
    "/applications",
    "/notifications",
    "/recherche?q=cv",
    "/questions",
    "/pros",
    "/settings/profile",
    "/settings/notifications",
  ];
  const staffPaths = [
    "/moderation",
    "/moderation/reports",
    "/moderation/members",
    "/moderation/settings",
    "/moderation/admissions",
  ];
  const found: Record<string, Record<string, string[]>> = {};

  const visitor = await browser.newPage();
  found.visitor = await crawl(visitor, visitorPaths);
  await visitor.close();

  for (const role of ["member", "pro", "facilitator"] as const) {
    const context = await browser.newContext();
    await signInOverHttp(context, await createUser(request, { role }));
    const page = await context.newPage();
    const paths = [...memberPaths, ...(role === "facilitator" ? staffPaths : [])];
    // Threads with the PDF viewer and the pitch player: staff read every CV and pitch.
    if (role === "facilitator") paths.push(await firstThreadPath(page, "cv"), await firstThreadPath(page, "pitch"));
    else paths.push(await firstThreadPath(page, "entraide"));
    found[role] = await crawl(page, paths);
    if (role === "member") {
      // The service worker registered from the home page, and its offline page.
      await page.goto("/");
      await expect
        .poll(() => page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration())))
        .toBe(true);
    }
    await context.close();
  }
  expect(found).toEqual({ visitor: {}, member: {}, pro: {}, facilitator: {} });
});
