import { randomUUID } from "node:crypto";
import { expectNoSeriousA11yViolations } from "./fixtures/axe";
import { createThread, paragraphDoc } from "./fixtures/forum";
import { createOffer } from "./fixtures/offers";
import { expect, test } from "./fixtures/test";

const TITLE = "Candidature spontanée : comment relancer ?";

test("a member types 'candidatures spontanees' in the header and finds the thread; a visitor sees only offers", async ({
  memberContext,
  memberPage,
  browser,
  newSession,
}) => {
  const pro = await newSession({ role: "pro" });
  await createThread(memberContext.request, {
    title: TITLE,
    body: paragraphDoc("Trois semaines sans réponse de la coopérative : je relance comment ?"),
  });
  const offer = await createOffer(pro.context.request, {
    title: `Chargé·e des candidatures spontanées ${randomUUID().slice(0, 4)}`,
  });

  await memberPage.goto("/c/entraide");
  // `/` focuses the header's search field; suggestions come as you type, and arrows pick one.
  await memberPage.locator("body").press("/");
  const field = memberPage.getByRole("combobox", { name: "Rechercher" });
  await expect(field).toBeFocused();
  await field.pressSequentially("candidatures spontanees", { delay: 20 });
  const listbox = memberPage.getByRole("listbox", { name: "Suggestions" });
  await expect(listbox.getByRole("option", { name: new RegExp(TITLE.replace(/[?]/g, "\\?")) }).first()).toBeVisible();
  await field.press("Enter");
  await expect(memberPage).toHaveURL(/\/recherche\?q=candidatures(\+|%20)spontanees/);
  const results = memberPage.getByRole("region", { name: "Résultats" });
  await expect(results.getByRole("link", { name: TITLE }).first()).toBeVisible();
  await expect(results.locator("mark").first()).toBeVisible();
  await expectNoSeriousA11yViolations(memberPage);

  // A visitor searching the same words: the public offer, never the members' threads.
  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  await page.goto("/recherche?q=candidatures+spontanees");
  const visitorResults = page.getByRole("region", { name: "Résultats" });
  await expect(visitorResults.getByRole("link", { name: offer.title })).toBeVisible();
  await expect(page.getByRole("link", { name: TITLE })).toHaveCount(0);
  await expect(visitorResults.getByText("Fil", { exact: true })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await visitor.close();
});

test("the empty state, and a hostile query answered without error", async ({ page }) => {
  await page.goto("/recherche");
  await expect(page.getByRole("heading", { name: "Que cherchez-vous ?" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto(`/recherche?q=${encodeURIComponent(`'; drop table posts; -- &|!():* "🚀 <script>`)}`);
  await expect(page.getByRole("heading", { name: /Aucun résultat pour/ })).toBeVisible();
});

test("similar threads appear while a member types a duplicate question in Entraide", async ({
  memberContext,
  memberPage,
}) => {
  await createThread(memberContext.request, { title: TITLE });
  await memberPage.goto("/c/entraide/new");
  await memberPage.getByLabel("Titre du fil").fill("Comment relancer une candidature spontanée");
  const similar = memberPage.getByRole("region", { name: "Ces fils ressemblent à votre question" });
  await expect(similar.getByRole("link", { name: TITLE }).first()).toBeVisible();
});
