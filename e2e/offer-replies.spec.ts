import { randomUUID } from "node:crypto";
import { request as playwrightRequest } from "@playwright/test";
import { createReply } from "./fixtures/forum";
import { createOffer } from "./fixtures/offers";
import { expect, test } from "./fixtures/test";

// Issue 22 item 11: a public offer stays public, the questions members ask under it do not.

test("a visitor reads a public offer but not the members' questions under it (page, API, search, feed)", async ({
  baseURL,
  memberContext: context,
  browser,
}) => {
  // A member relays an offer found elsewhere (members may not publish as an employer).
  const offer = await createOffer(context.request, {
    origin: "shared",
    sourceUrl: `https://emploi.example/${randomUUID()}`,
  });
  const question = `Le poste est-il ouvert aux alternants ${randomUUID().slice(0, 6)} ?`;
  expect((await createReply(context.request, offer.id, { text: question })).status()).toBe(201);

  // A member sees the question.
  const memberPage = await context.newPage();
  await memberPage.goto(offer.path);
  await expect(memberPage.getByText(question)).toBeVisible();

  // A visitor, over HTTP: the offer, its number of questions, a sign-in note; not the question.
  const visitor = await playwrightRequest.newContext({ baseURL });
  const html = await (await visitor.get(offer.path)).text();
  expect(html).toContain(offer.title);
  expect(html).not.toContain(question.slice(0, 30));
  expect(html).toContain("Connectez-vous pour lire les questions");

  const api = await (await visitor.get(`/api/v1/threads/${offer.id}`)).json();
  expect(api.opening.bodyHtml).toContain("insertion");
  expect(api.replies).toEqual([]);
  const catchUp = await (await visitor.get(`/api/v1/threads/${offer.id}/posts?after=1`)).json();
  expect(catchUp.posts).toEqual([]);
  const search = await (await visitor.get(`/recherche?q=${encodeURIComponent(question.split(" ").at(-2)!)}`)).text();
  expect(search).not.toContain(question.slice(0, 30));
  for (const feed of ["/feeds/offres.xml", "/feeds/offres.json"]) {
    const body = await (await visitor.get(feed)).text();
    expect(body).toContain(offer.title);
    expect(body).not.toContain(question.slice(0, 30));
  }
  await visitor.dispose();

  // And in a browser, the note links to sign-in, back to the offer.
  const visitorContext = await browser.newContext();
  const page = await visitorContext.newPage();
  await page.goto(offer.path);
  await expect(page.getByRole("heading", { level: 1, name: offer.title })).toBeVisible();
  await expect(page.getByText(question)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Connectez-vous pour lire les questions" })).toHaveAttribute(
    "href",
    `/sign-in?callbackUrl=${encodeURIComponent(offer.path)}`,
  );
  await visitorContext.close();
});
