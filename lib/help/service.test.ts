import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, type User } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { contextFor } from "@/lib/context";
import { decode, expectSafeHtml } from "@/lib/editor/safe-html-check";
import { XSS_HREFS, XSS_STRINGS } from "@/lib/editor/xss-corpus";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { stripControlChars } from "@/lib/validation/text";
import { createHelpPageSchema, updateHelpPageSchema } from "@/lib/validation/help";
import { isAppPath } from "./content";
import { applyHelpPages, builtInHelpPages } from "./template";
import {
  createHelpPage,
  deleteHelpPage,
  findReadableHelpPages,
  getHelpPageForEdit,
  listFacilitatorHelpPages,
  listHelpPages,
  readHelpPage,
  reorderHelpPages,
  updateHelpPage,
} from "./service";

let testDb: TestDb & { dataDir: string };
let member: User;
let facilitator: User;
let admin: User;

const ctx = (actor: Actor) => contextFor(actor, testDb.db);
const paragraph = (...content: unknown[]) => ({ type: "doc", content: [{ type: "paragraph", content }] });

/** The error a call fails with (its code and message key), or null. */
async function failure(promise: Promise<unknown>) {
  try {
    await promise;
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, key: error.messageKey, field: error.field };
  }
}

/** The form's fields as the page sends them (a FormData of strings, the body as JSON text). */
function form(fields: { title?: string; slug?: string; audience?: string; position?: string; body: unknown }) {
  return {
    title: fields.title ?? "Une page d'essai",
    slug: fields.slug,
    audience: fields.audience ?? "member",
    position: fields.position ?? "100",
    body: JSON.stringify(fields.body),
  };
}

/**
 * The help's HTML is the posts' renderer output, plus same-site links to app paths (no new tab):
 * those are checked here, then the whole goes through the posts' strict checks.
 */
function expectSafeHelpHtml(html: string) {
  const withoutAppLinks = html.replace(/<a href="(\/[^"]*)">/g, (_tag, href: string) => {
    expect(isAppPath(decode(href)), href).toBe(true);
    return '<a href="https://app.example" rel="nofollow ugc noopener">';
  });
  return expectSafeHtml(withoutAppLinks);
}

beforeAll(async () => {
  testDb = await createServiceTestDb();
  [member, facilitator, admin] = await Promise.all([
    makeUser(testDb.db, "Camille"),
    makeUser(testDb.db, "Nadia", "facilitator"),
    makeUser(testDb.db, "Alex", "admin"),
  ]);
  await applyHelpPages(testDb.db, builtInHelpPages("propulse"));
});
afterAll(() => testDb.close());

describe("reading the help", () => {
  it("gives a member the members' pages, rendered, with links inside the app", async () => {
    const index = await listHelpPages(ctx(actorOf(member)));
    expect(index.member.map((page) => page.slug)).toContain("poster-mon-cv");
    expect(index.facilitator).toBeNull();
    expect(index.canEdit).toBe(false);
    const page = await readHelpPage(ctx(actorOf(member)), "faire-mon-point-de-la-semaine");
    expect(page.title).toBe("Faire mon point de la semaine");
    expect(page.bodyHtml).toContain('<a href="/cafe">');
    expect(page.bodyHtml).toContain("<ul><li>");
    expect(page.canEdit).toBe(false);
    expectSafeHelpHtml(page.bodyHtml);
  });

  it("answers a member asking for a facilitators' page exactly as for a page that does not exist", async () => {
    const hidden = await failure(readHelpPage(ctx(actorOf(member)), "admettre-un-membre"));
    const missing = await failure(readHelpPage(ctx(actorOf(member)), "cette-page-n-existe-pas"));
    expect(hidden).toEqual({ code: "not_found", key: "errors.not_found", field: undefined });
    expect(hidden).toEqual(missing);
    expect(await findReadableHelpPages(ctx(actorOf(member)), ["admettre-un-membre", "poster-mon-cv"])).toMatchObject([
      { slug: "poster-mon-cv" },
    ]);
    expect(await listFacilitatorHelpPages(ctx(actorOf(member)))).toEqual([]);
  });

  it("asks a visitor to sign in for a members' page, and knows of no facilitators' page", async () => {
    expect(await failure(readHelpPage(ctx(null), "poster-mon-cv"))).toMatchObject({ code: "unauthenticated" });
    expect(await failure(readHelpPage(ctx(null), "admettre-un-membre"))).toMatchObject({ code: "not_found" });
    expect(await failure(listHelpPages(ctx(null)))).toMatchObject({ code: "unauthenticated" });
    // A suspended account reads nothing either.
    const suspended = actorOf({ ...member, status: "suspended" });
    expect(await failure(readHelpPage(ctx(suspended), "poster-mon-cv"))).toMatchObject({ code: "unauthenticated" });
  });

  it("gives the facilitators their own section and pages", async () => {
    const index = await listHelpPages(ctx(actorOf(facilitator)));
    expect(index.facilitator!.map((page) => page.slug)).toEqual([
      "admettre-un-membre",
      "animer-le-cafe-pote-emploi",
      "lire-le-tableau-d-impact",
      "former-un-binome",
      "traiter-un-signalement",
    ]);
    expect(index.canEdit).toBe(false);
    expect((await readHelpPage(ctx(actorOf(facilitator)), "traiter-un-signalement")).bodyHtml).toContain(
      'href="/moderation/reports"',
    );
    expect(await listFacilitatorHelpPages(ctx(actorOf(facilitator)))).toHaveLength(5);
  });
});

describe("editing the help", () => {
  const body = paragraph({ type: "text", text: "Un texte d'aide." });

  it("is refused to members and facilitators, as if the page did not exist", async () => {
    const page = await readHelpPage(ctx(actorOf(member)), "poster-mon-cv");
    for (const user of [member, facilitator]) {
      const actor = actorOf(user);
      const create = createHelpPageSchema.parse(form({ slug: "tentative", body }));
      expect(await failure(createHelpPage(ctx(actor), create))).toMatchObject({ code: "not_found" });
      const update = updateHelpPageSchema.parse({
        ...form({ body }),
        id: String(page.id),
        expectedUpdatedAt: page.updatedAt.toISOString(),
      });
      expect(await failure(updateHelpPage(ctx(actor), update))).toMatchObject({ code: "not_found" });
      expect(await failure(deleteHelpPage(ctx(actor), { id: page.id }))).toMatchObject({ code: "not_found" });
      expect(await failure(reorderHelpPages(ctx(actor), { audience: "member", ids: [page.id] }))).toMatchObject({
        code: "not_found",
      });
      expect(await failure(getHelpPageForEdit(ctx(actor), "poster-mon-cv"))).toMatchObject({ code: "not_found" });
    }
    expect((await readHelpPage(ctx(actorOf(member)), "poster-mon-cv")).updatedAt).toEqual(page.updatedAt);
  });

  it("lets an admin create, edit and delete a page, each step in the audit log", async () => {
    const admin_ = ctx(actorOf(admin));
    const created = await createHelpPage(
      admin_,
      createHelpPageSchema.parse(
        form({
          slug: " Preparer-Un-Entretien ",
          title: "Préparer un entretien",
          body: paragraph(
            { type: "text", text: "Relisez " },
            { type: "text", text: "l'offre", marks: [{ type: "link", attrs: { href: "/c/offres?open=1" } }] },
            { type: "text", text: " et " },
            { type: "text", text: "Avise", marks: [{ type: "link", attrs: { href: "https://www.avise.org" } }] },
          ),
        }),
      ),
    );
    expect(created).toEqual({ slug: "preparer-un-entretien" });
    const page = await readHelpPage(ctx(actorOf(member)), "preparer-un-entretien");
    expect(page.bodyHtml).toBe(
      '<p>Relisez <a href="/c/offres?open=1">l\'offre</a> et <a href="https://www.avise.org" rel="nofollow ugc noopener" target="_blank">Avise</a></p>'.replace(
        "l'offre",
        "l&#39;offre",
      ),
    );

    // The same address twice: an error about the address field, nothing written.
    const again = createHelpPageSchema.parse(form({ slug: "preparer-un-entretien", body }));
    expect(await failure(createHelpPage(admin_, again))).toEqual({
      code: "conflict",
      key: "help.errors.slugTaken",
      field: "slug",
    });

    const editable = await getHelpPageForEdit(admin_, "preparer-un-entretien");
    const edit = (overrides: Record<string, unknown> = {}) =>
      updateHelpPageSchema.parse({
        ...form({ title: "Préparer un entretien d'embauche", audience: "facilitator", position: "7", body }),
        id: String(editable.id),
        expectedUpdatedAt: editable.updatedAt.toISOString(),
        ...overrides,
      });
    await updateHelpPage(admin_, edit());
    // Now for the facilitators: a member no longer finds it.
    expect(await failure(readHelpPage(ctx(actorOf(member)), "preparer-un-entretien"))).toMatchObject({
      code: "not_found",
    });
    const updated = await readHelpPage(ctx(actorOf(facilitator)), "preparer-un-entretien");
    expect(updated).toMatchObject({ title: "Préparer un entretien d'embauche", audience: "facilitator", position: 7 });
    expect(updated.bodyHtml).toBe("<p>Un texte d&#39;aide.</p>");
    // A second save from the same (now stale) form does not overwrite the first.
    expect(await failure(updateHelpPage(admin_, edit({ title: "Version périmée" })))).toMatchObject({
      code: "conflict",
      key: "help.errors.conflict",
    });

    await deleteHelpPage(admin_, { id: editable.id });
    expect(await failure(readHelpPage(ctx(actorOf(admin)), "preparer-un-entretien"))).toMatchObject({
      code: "not_found",
    });
    expect(await failure(deleteHelpPage(admin_, { id: editable.id }))).toMatchObject({ code: "not_found" });

    const entries = await testDb.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, String(editable.id)));
    const helpEntries = entries.filter((entry) => entry.targetType === "help_page");
    expect(helpEntries.map((entry) => entry.action)).toEqual(["help.create", "help.update", "help.delete"]);
    expect(helpEntries.every((entry) => entry.actorId === admin.id)).toBe(true);
    expect(helpEntries[1]!.details).toMatchObject({
      title: "Préparer un entretien d'embauche",
      changed: ["title", "audience", "position", "body"],
    });
    expect(helpEntries[2]!.details).toMatchObject({ slug: "preparer-un-entretien", text: "Un texte d'aide." });
  });

  it("lets an admin reorder the pages of one audience, all of them or nothing", async () => {
    const admin_ = ctx(actorOf(admin));
    const before = (await listHelpPages(admin_)).member;
    const reversed = before.map((page) => page.id).reverse();
    expect(await failure(reorderHelpPages(admin_, { audience: "member", ids: reversed.slice(1) }))).toMatchObject({
      code: "conflict",
      key: "help.errors.reorderConflict",
    });
    await reorderHelpPages(admin_, { audience: "member", ids: reversed });
    const after = (await listHelpPages(admin_)).member;
    expect(after.map((page) => page.id)).toEqual(reversed);
    expect(after.map((page) => page.position)).toEqual(reversed.map((_, index) => (index + 1) * 10));
    const [entry] = await testDb.db.select().from(auditLog).where(eq(auditLog.action, "help.reorder"));
    expect(entry).toMatchObject({ actorId: admin.id, details: { audience: "member" } });
  });

  it("checks each field with a message of its own", () => {
    const parsed = createHelpPageSchema.safeParse({
      title: "\u200b",
      slug: "nouvelle",
      audience: "tout-le-monde",
      position: "-3",
      body: JSON.stringify({ type: "doc", content: [{ type: "paragraph" }] }),
    });
    expect(parsed.success).toBe(false);
    const messages = Object.fromEntries(parsed.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(messages).toEqual({
      title: "help.errors.titleRequired",
      slug: "help.errors.slugReserved",
      audience: "help.errors.audienceInvalid",
      position: "help.errors.positionInvalid",
      body: "editor.empty",
    });
    expect(createHelpPageSchema.safeParse(form({ slug: "-bad-", body })).error!.issues[0]!.message).toBe(
      "help.errors.slugInvalid",
    );
    const mention = paragraph({ type: "mention", attrs: { id: member.id, label: "Camille" } });
    expect(createHelpPageSchema.safeParse(form({ slug: "ok", body: mention })).error!.issues[0]!.message).toBe(
      "help.errors.noMentions",
    );
  });
});

describe("help pages and the XSS corpus", () => {
  it("stores and serves every hostile string as inert text, from the editor and from a template", async () => {
    const admin_ = ctx(actorOf(admin));
    for (const [index, payload] of XSS_STRINGS.entries()) {
      const input = createHelpPageSchema.safeParse(
        form({ slug: `xss-${index}`, body: paragraph({ type: "text", text: payload }, { type: "text", text: " ok" }) }),
      );
      expect(input.success, payload).toBe(true);
      await createHelpPage(admin_, input.data!);
      const page = await readHelpPage(ctx(actorOf(member)), `xss-${index}`);
      expect(expectSafeHelpHtml(page.bodyHtml).text, payload).toBe(`${stripControlChars(payload)} ok`);
    }
    // The same strings written in a template's text format (where `[x](…)` is a link).
    const pages = XSS_STRINGS.filter((payload) => !/\]\(/.test(payload)).map((payload, index) => ({
      slug: `xss-template-${index}`,
      audience: "member" as const,
      title: "Page hostile",
      body: stripControlChars(payload),
      position: index,
    }));
    await applyHelpPages(testDb.db, pages);
    for (const page of pages) {
      const read = await readHelpPage(ctx(actorOf(member)), page.slug);
      expectSafeHelpHtml(read.bodyHtml);
    }
  });

  it("refuses every hostile link target but a path inside the app, which stays a same-site link", async () => {
    for (const href of [...XSS_HREFS, "https://app-path.invalid/cafe", "/\\evil.example", "/cafe x"]) {
      const doc = paragraph({ type: "text", text: "clic", marks: [{ type: "link", attrs: { href } }] });
      const parsed = createHelpPageSchema.safeParse(form({ slug: "lien", body: doc }));
      if (isAppPath(href)) {
        // "/relative/path": refused in posts, a page of the app here.
        expect(parsed.success, href).toBe(true);
        const page = await createHelpPage(ctx(actorOf(admin)), parsed.data!);
        const html = (await readHelpPage(ctx(actorOf(member)), page.slug)).bodyHtml;
        expect(html).toBe(`<p><a href="${href}">clic</a></p>`);
        await deleteHelpPage(ctx(actorOf(admin)), {
          id: (await getHelpPageForEdit(ctx(actorOf(admin)), page.slug)).id,
        });
      } else {
        expect(parsed.success, href).toBe(false);
        expect(parsed.error!.issues[0]!.path).toEqual(["body"]);
      }
    }
  });
});
