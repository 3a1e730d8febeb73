import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { XSS_HREFS, XSS_STRINGS } from "../lib/editor/xss-corpus";
import { createThread, paragraphDoc } from "./fixtures/forum";
import { createUser, signInOverHttp } from "./fixtures/users";

// Elements that no payload may ever create in a rendered page (our own icons are lucide SVGs,
// hidden from assistive technology; the sanitizer never lets a class or an svg through).
const INJECTED =
  "main script, main iframe, main object, main embed, main img, main svg:not(.lucide[aria-hidden='true']), main math, main form, main style, main [onerror], main [onload], main [onclick], main [onmouseover], main [onfocus], main a[href^='javascript' i], main a[href^='data' i]";

/** What matched, shown in a failure (a start of each element's markup). */
async function injectedElements(page: Page): Promise<string[]> {
  return page.locator(INJECTED).evaluateAll((elements) => elements.map((element) => element.outerHTML.slice(0, 160)));
}

test("the XSS corpus in titles, bodies and display names never executes", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const names = XSS_STRINGS.filter((payload) => payload.length <= 60).slice(0, 3);
  const author = await createUser(request, { name: names[0] ?? "<img src=x onerror=alert(1)>" });
  const context = await browser.newContext();
  await signInOverHttp(context, author);
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });

  // Titles: one thread per payload (titles are at most 150 characters).
  const threads = [];
  for (const payload of XSS_STRINGS.filter((value) => value.trim().length >= 5 && value.length <= 150)) {
    threads.push(
      await createThread(context.request, { channel: "programme", title: payload, body: paragraphDoc(payload) }),
    );
  }
  // Bodies: every payload as text, in one document, with bold and a safe link around some.
  const body = {
    type: "doc",
    content: XSS_STRINGS.map((text, index) => ({
      type: "paragraph",
      content: [
        {
          type: "text",
          text,
          ...(index % 3 === 0
            ? { marks: [{ type: "bold" }, { type: "link", attrs: { href: "https://example.org/?q=1" } }] }
            : {}),
        },
      ],
    })),
  };
  const big = await createThread(context.request, { channel: "programme", title: "Corpus complet", body });

  // Malicious link targets are refused at the door.
  for (const href of XSS_HREFS) {
    const response = await context.request.post(`/api/v1/threads/${big.id}/posts`, {
      data: {
        body: {
          type: "doc",
          content: [
            {
              type: "paragraph",
              content: [{ type: "text", text: "clic", marks: [{ type: "link", attrs: { href } }] }],
            },
          ],
        },
        idempotencyKey: randomUUID(),
      },
    });
    expect(response.status(), href).toBe(400);
  }

  for (const path of ["/c/programme", big.path, ...threads.slice(0, 25).map((thread) => thread.path)]) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    expect(await injectedElements(page), path).toEqual([]);
  }
  await page.goto(big.path);
  for (const payload of XSS_STRINGS.slice(0, 10)) {
    await expect(page.locator("#p1").getByText(payload, { exact: true }).first()).toBeVisible();
  }
  await page.goto(`/u/${author.id}`);
  expect(await injectedElements(page)).toEqual([]);
  expect(dialogs).toEqual([]);
  await context.close();
});
