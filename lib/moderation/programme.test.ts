/**
 * The programme's export and import from the admin settings page, through the service the
 * route handler and the server actions call: admins only, a dry run that writes nothing, an
 * apply step that writes exactly the previewed file and is audited, broken files refused whole
 * with their field paths.
 */
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, channels, settings } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { contextFor } from "@/lib/context";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { applyProgrammeImport, exportProgramme, previewProgrammeImport } from "./programme";
import { PREVIEW_TTL_MS, signPreview } from "./programme-token";

let testDb: TestDb;
let admin: Actor;
let otherAdmin: Actor;
let facilitator: Actor;
let member: Actor;

beforeAll(async () => {
  testDb = await createServiceTestDb();
  admin = actorOf(await makeUser(testDb.db, "Admin Programme", "admin"));
  otherAdmin = actorOf(await makeUser(testDb.db, "Autre admin", "admin"));
  facilitator = actorOf(await makeUser(testDb.db, "Animatrice", "facilitator"));
  member = actorOf(await makeUser(testDb.db, "Membre", "member"));
});
afterAll(() => testDb.close());

/** Everything an import could touch: compared before and after a refused or dry-run import. */
async function snapshot() {
  return {
    channels: await testDb.db.select().from(channels).orderBy(asc(channels.id)),
    settings: await testDb.db.select().from(settings).orderBy(asc(settings.key)),
    audit: await testDb.db.select().from(auditLog).where(eq(auditLog.action, "programme.import")),
  };
}

async function exportedFile(): Promise<
  Record<string, unknown> & { channels: { slug: string; name: { fr: string } }[] }
> {
  return JSON.parse((await exportProgramme(contextFor(admin))).body);
}

/** Today's programme with one channel renamed, pretty-printed like a file edited by hand. */
async function withRenamedChannel(slug: string, name: string): Promise<string> {
  const file = await exportedFile();
  file.channels.find((channel) => channel.slug === slug)!.name.fr = name;
  return JSON.stringify(file, null, 2);
}

async function refusal(run: () => Promise<unknown>): Promise<AppError> {
  const error = await run().then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("programme export", () => {
  it("gives an admin today's programme as a dated JSON file with its channels", async () => {
    const file = await exportProgramme(contextFor(admin));
    expect(file.filename).toMatch(/^programme-\d{4}-\d{2}-\d{2}\.json$/);
    const parsed = JSON.parse(file.body) as { format: string; channels: { slug: string }[] };
    expect(parsed.format).toBe("propulse-programme");
    expect(parsed.channels.map((channel) => channel.slug)).toEqual(expect.arrayContaining(["victoires", "entraide"]));
  });

  it("does not exist for facilitators, members and visitors", async () => {
    for (const actor of [facilitator, member, null]) {
      expect((await refusal(() => exportProgramme(contextFor(actor)))).code).toBe("not_found");
    }
  });
});

describe("programme import", () => {
  it("refuses non-admins, even holding a token signed for them, and writes nothing", async () => {
    const content = await withRenamedChannel("victoires", "Renommé par une animatrice");
    const before = await snapshot();
    for (const actor of [facilitator, member, null]) {
      const preview = await refusal(() => previewProgrammeImport(contextFor(actor), { content, locale: "fr" }));
      expect(preview.code).toBe("not_found");
      const token = signPreview(actor?.id ?? "visitor", content);
      const apply = await refusal(() => applyProgrammeImport(contextFor(actor), { content, token, locale: "fr" }));
      expect(apply.code).toBe("not_found");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("dry run: lists the changes and writes nothing", async () => {
    const content = await withRenamedChannel("victoires", "Nos victoires");
    const before = await snapshot();
    const preview = await previewProgrammeImport(contextFor(admin), { content, locale: "fr" });
    expect(preview).toMatchObject({ ok: true, content });
    expect(preview.ok && preview.changes).toEqual(["~ salon victoires : name"]);
    expect(await snapshot()).toEqual(before);
  });

  it("a broken file: every faulty field named with its path, in the admin's language, nothing written", async () => {
    const file = await exportedFile();
    Object.assign(file.channels[1]!, { visibility: "secret" });
    file.channels[0]!.slug = "Pas Un Slug";
    const content = JSON.stringify(file);
    const before = await snapshot();
    const preview = await previewProgrammeImport(contextFor(admin), { content, locale: "fr" });
    expect(preview.ok).toBe(false);
    const errors = preview.ok ? [] : preview.errors;
    expect(errors.map((error) => error.path)).toEqual(["channels.0.slug", "channels.1.visibility"]);
    expect(errors[1]!.message).toMatch(/^Option invalide/);
    const english = await previewProgrammeImport(contextFor(admin), { content, locale: "en" });
    expect(english.ok ? null : english.errors[1]!.message).toMatch(/^Invalid option/);

    // Even with a genuine token for it, applying the broken file writes nothing.
    const token = signPreview(admin!.id, content);
    const applied = await applyProgrammeImport(contextFor(admin), { content, token, locale: "fr" });
    expect(applied.ok ? [] : applied.errors.map((error) => error.path)).toEqual([
      "channels.0.slug",
      "channels.1.visibility",
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("a file that is not JSON is refused on the file field, nothing written", async () => {
    const before = await snapshot();
    const error = await refusal(() =>
      previewProgrammeImport(contextFor(admin), { content: '{ "format": "propulse-', locale: "fr" }),
    );
    expect(error).toMatchObject({ code: "bad_request", messageKey: "programmeAdmin.notJson", field: "file" });
    expect(await snapshot()).toEqual(before);
  });

  it("applies the previewed file: the channel renamed, the import in the audit log", async () => {
    const content = await withRenamedChannel("victoires", "Nos réussites");
    const preview = await previewProgrammeImport(contextFor(admin), { content, locale: "fr" });
    if (!preview.ok) throw new Error("the file should be valid");
    // The browser sends the previewed text back with CRLF line breaks (form data): still the same file.
    const sentBack = preview.content.replaceAll("\n", "\r\n");
    const applied = await applyProgrammeImport(contextFor(admin), {
      content: sentBack,
      token: preview.token,
      locale: "fr",
    });
    expect(applied).toEqual({ ok: true, changes: ["~ salon victoires : name"] });
    const [victoires] = await testDb.db.select().from(channels).where(eq(channels.slug, "victoires"));
    expect(victoires!.name).toBe("Nos réussites");
    const audit = await testDb.db.select().from(auditLog).where(eq(auditLog.action, "programme.import"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: admin!.id,
      targetType: "settings",
      targetId: "programme",
      details: { changes: ["~ salon victoires : name"] },
    });
  });

  it("applies only the file that was previewed, by the admin who previewed it, while the check is fresh", async () => {
    const content = await withRenamedChannel("victoires", "Aperçu vérifié");
    const preview = await previewProgrammeImport(contextFor(admin), { content, locale: "fr" });
    if (!preview.ok) throw new Error("the file should be valid");
    const before = await snapshot();
    const other = await withRenamedChannel("victoires", "Fichier échangé");
    const attempts = [
      () => applyProgrammeImport(contextFor(admin), { content: other, token: preview.token, locale: "fr" }),
      () => applyProgrammeImport(contextFor(otherAdmin), { content, token: preview.token, locale: "fr" }),
      () =>
        applyProgrammeImport(contextFor(admin), {
          content,
          token: signPreview(admin!.id, content, Date.now() - PREVIEW_TTL_MS - 1000),
          locale: "fr",
        }),
      () => applyProgrammeImport(contextFor(admin), { content, token: "forged.token", locale: "fr" }),
    ];
    for (const attempt of attempts) {
      expect(await refusal(attempt)).toMatchObject({ code: "bad_request", messageKey: "programmeAdmin.expired" });
    }
    expect(await snapshot()).toEqual(before);
  });
});
