/**
 * The two shipped programme templates: each is a valid file, imports into a fresh database with
 * exactly its content — as the app reads it (channels listed, rubrics, onboarding steps, texts
 * of pages and e-mails, positive exits) — and exports back to the same file. A broken file names
 * its faulty fields and changes nothing; a version-1 file still imports; a channel the file does
 * not name is archived, and naming it again restores it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listChannels } from "@/db/queries/channels";
import { channels, settings } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, makeUser } from "@/db/test-factories";
import { createTestDb, type TestDb } from "@/db/testing";
import { getPositiveKinds } from "@/lib/impact/service";
import { loadMessages } from "@/lib/i18n/messages";
import { composeMail } from "@/lib/mail";
import { isListedChannel } from "@/lib/permissions";
import { loadRubric } from "@/lib/reviews/feedback";
import { getMyWeek } from "@/lib/rhythm/my-week";
import { applyTemplate, builtInTemplate, exportTemplate } from "./apply";
import { importTemplate } from "./import";
import { programmeTemplateSchema, type ProgrammeTemplate } from "./schema";
import { defaultSections, programmeTextOverrides, readSections } from "./sections";
import { applyTextOverrides, forgetProgrammeSections, offeredActivityKinds } from "./texts";
import entraideFile from "./templates/entraide.json";
import propulseFile from "./templates/propulse.json";

/** The service database (getDb(): pages' and e-mails' texts) starts fresh; others are made per test. */
let testDb: TestDb;
beforeAll(async () => {
  testDb = await createServiceTestDb();
});
afterAll(() => testDb.close());

async function withFreshDb<T>(run: (db: TestDb["db"]) => Promise<T>): Promise<T> {
  const fresh = await createTestDb();
  try {
    return await run(fresh.db);
  } finally {
    await fresh.close();
  }
}

const snapshot = async (db: TestDb["db"]) => ({
  channels: await db.select().from(channels).orderBy(channels.id),
  settings: await db.select().from(settings).orderBy(settings.key),
});

describe("programme templates", () => {
  it("ships two valid version-2 files with every section", () => {
    for (const file of [propulseFile, entraideFile]) {
      const parsed = programmeTemplateSchema.parse(file);
      expect(parsed.version).toBe(2);
      for (const section of ["rubrics", "welcome", "onboarding", "activities", "outcomes", "survey", "emails"] as const)
        expect(parsed[section], section).toBeDefined();
    }
  });

  it("describes today's programme: a fresh database already matches the Pro'pulse template, every section included", async () => {
    await withFreshDb(async (db) => {
      // The description and the help pages are what a fresh database does not hold (no template
      // applied yet: the demo seed or the setup wizard writes them).
      const exported = { ...(await exportTemplate(db)), description: "" };
      const { help, ...rest } = builtInTemplate("propulse");
      expect(exported).toEqual({ ...rest, description: "" });
      expect(help?.length).toBeGreaterThan(0);
      // …which is what the code and message files say when nothing is stored.
      expect(await readSections(db)).toEqual(defaultSections());
    });
  });

  it("imports as a dry run by default: the changes are listed, nothing is written", async () => {
    await withFreshDb(async (db) => {
      const before = await snapshot(db);
      const result = await importTemplate(db, entraideFile, { apply: false });
      expect(result).toMatchObject({ ok: true, isApplied: false });
      const changes = result.ok ? result.changes : [];
      expect(changes).toEqual(
        expect.arrayContaining([
          "~ salon victoires : name, description, rules, position",
          "- salon cv absent du fichier : archivé (ses fils restent lisibles, rien n'est supprimé)",
          "~ grilles de relecture : cv, letter, pitch",
          "~ étapes des premiers pas : steps",
          "~ types de sorties et règle de sortie positive : kinds",
          "~ textes des e-mails de la communauté : admissionApproved, admissionRefused, proApproved, proRefused, suspended",
        ]),
      );
      expect(await snapshot(db)).toEqual(before);
    });
  });

  for (const id of ["propulse", "entraide"] as const) {
    it(`imports ${id} into a fresh database and exports it back identical (export → import → export)`, async () => {
      await withFreshDb(async (db) => {
        const template = builtInTemplate(id);
        const result = await importTemplate(db, template, { apply: true });
        expect(result).toMatchObject({ ok: true, isApplied: true });
        const once = await exportTemplate(db);
        expect(once).toEqual(template);
        await importTemplate(db, once, { apply: true });
        expect(await exportTemplate(db)).toEqual(once);
        // A second import of the same file changes nothing.
        const again = await importTemplate(db, once, { apply: false });
        expect(again.ok && again.changes).toEqual([]);
      });
    });
  }

  it("the Communauté d'entraide template, imported, is what the app shows and sends", async () => {
    const template = builtInTemplate("entraide");
    const result = await importTemplate(testDb.db, entraideFile, { apply: true });
    expect(result.ok).toBe(true);
    const member = await makeUser(testDb.db, "Nina Nouvelle");

    // Navigation: exactly the template's channels, in its order; the others are archived, not deleted.
    const all = await listChannels(testDb.db);
    expect(all.filter((channel) => isListedChannel(actorOf(member), channel)).map((channel) => channel.name)).toEqual(
      template.channels.map((channel) => channel.name.fr),
    );
    expect(
      all
        .filter((channel) => channel.archivedAt)
        .map((channel) => channel.slug)
        .sort(),
    ).toEqual(["cv", "lettres", "pitch"]);

    // Review rubric of the review pages and the feedback posts.
    expect(await loadRubric(testDb.db, "cv", "fr")).toEqual([
      { id: "clarity", label: "Clarté", hint: "Se lit-il en trente secondes ?" },
      { id: "fit", label: "Adéquation au poste", hint: "Parle-t-il du poste visé ?" },
      { id: "spelling", label: "Orthographe", hint: "" },
    ]);
    expect((await loadRubric(testDb.db, "cv", "en")).map((criterion) => criterion.label)).toEqual([
      "Clarity",
      "Fit for the job",
      "Spelling",
    ]);
    // The newcomer's checklist on the home page: the template's steps, in its order.
    const week = await getMyWeek({ db: testDb.db, actor: actorOf(member) });
    expect(week.onboarding?.steps.map((step) => step.id)).toEqual(["profile", "introduce", "checkin"]);
    // Positive exits on the impact board.
    expect(await getPositiveKinds(testDb.db)).toEqual(["cdi", "cdd_long", "alternance", "formation", "creation"]);
    // Activity formats offered in the activity form.
    forgetProgrammeSections();
    expect(await offeredActivityKinds()).toEqual(["rencontre", "atelier", "autre"]);

    // Texts of pages (the messages every page loads), in both languages.
    const sections = await readSections(testDb.db);
    const fr = applyTextOverrides(await loadMessages("fr"), programmeTextOverrides(sections, "fr")) as never as Record<
      string,
      Record<string, Record<string, Record<string, string>>>
    >;
    const en = applyTextOverrides(
      await loadMessages("en"),
      programmeTextOverrides(sections, "en"),
    ) as never as typeof fr;
    expect(fr.onboarding!.steps!.introduce!.label).toBe("Me présenter");
    expect(en.onboarding!.steps!.introduce!.label).toBe("Introduce myself");
    expect(fr.messages!.buddies!.welcome).toBe(template.welcome!.buddyMessage.fr);
    expect(fr.outcomes!.kinds!.cdi).toBe("Emploi durable (CDI)");
    expect(fr.activities!.kinds!.rencontre).toBe("Rencontre");
    expect((fr.survey as unknown as Record<string, string>).satisfaction).toBe(
      "La communauté vous a-t-elle été utile ?",
    );
    // Untouched texts stay as they were.
    expect((fr.onboarding as unknown as Record<string, string>).title).toBe("Bienvenue ! Vos premiers pas");

    // The community e-mails, as composed for a member (English here).
    forgetProgrammeSections();
    const mail = await composeMail(
      { name: "Nina", email: "nina@example.org", locale: "en" },
      "communityEmails",
      (t) => ({
        subject: t("admissionApprovedSubject"),
        text: t("admissionApprovedBody", { name: "Nina", message: "Hi", url: "http://x", until: "—" }),
      }),
    );
    expect(mail.subject).toBe("Welcome to the community!");
    expect(mail.text).toContain("Your membership request is accepted.");
    expect(mail.text.endsWith("The facilitators")).toBe(true);
    forgetProgrammeSections();
  });

  it("refuses a broken file whole, naming the fields, before anything is written", async () => {
    await withFreshDb(async (db) => {
      const broken = structuredClone(entraideFile) as unknown as ProgrammeTemplate & {
        channels: Record<string, unknown>[];
      };
      broken.channels[1]!.slug = "Pas Un Slug";
      broken.checkin.day = 9;
      broken.rubrics!.cv[1]!.label.en = "  ";
      broken.emails!.suspended.body.fr = "Bonjour {nmae}";
      broken.outcomes!.kinds = broken.outcomes!.kinds.map((item) => ({ ...item, positive: false }));
      // Valid changes in the same file must not reach the database either.
      broken.channels[0]!.name = { fr: "Offres du territoire", en: "Local offers" };
      broken.welcome!.buddyMessage.fr = "Salut {newcomer} !";
      const before = await snapshot(db);
      const result = await importTemplate(db, broken, { apply: true });
      expect(result.ok).toBe(false);
      const lines = result.ok ? [] : result.errors;
      expect(lines.map((line) => line.split(":")[0])).toEqual(
        expect.arrayContaining([
          "channels.1.slug",
          "checkin.day",
          "rubrics.cv.1.label.en",
          "emails.suspended.body.fr",
          "outcomes.kinds",
        ]),
      );
      expect(lines).toContain(
        "emails.suspended.body.fr: unknown placeholder {nmae} (allowed: {name}, {message}, {url}, {until})",
      );
      expect(await snapshot(db)).toEqual(before);
    });
  });

  it("still imports a version-1 file: its sections only, the others left as they are (and said so)", async () => {
    await withFreshDb(async (db) => {
      await db.transaction((tx) => applyTemplate(tx, builtInTemplate("entraide")));
      const versionOne: Record<string, unknown> = { ...structuredClone(propulseFile), version: 1 };
      for (const section of ["rubrics", "welcome", "onboarding", "activities", "outcomes", "survey", "emails"])
        delete versionOne[section];
      const dryRun = await importTemplate(db, versionOne, { apply: false });
      expect(dryRun.ok && dryRun.changes).toEqual(
        expect.arrayContaining([
          "+ salon cv restauré (il était archivé)",
          "= grilles de relecture : absent du fichier (version 1), inchangé",
          "= textes des e-mails de la communauté : absent du fichier (version 1), inchangé",
        ]),
      );
      const sectionsBefore = await readSections(db);
      expect(await importTemplate(db, versionOne, { apply: true })).toMatchObject({ ok: true, isApplied: true });
      const exported = await exportTemplate(db);
      expect(exported.channels).toEqual(builtInTemplate("propulse").channels);
      expect(await readSections(db)).toEqual(sectionsBefore);
      expect(exported.rubrics).toEqual(builtInTemplate("entraide").rubrics);
    });
  });

  it("archives a channel the file leaves out, lists it in the dry run, and restores it when a file names it again", async () => {
    await withFreshDb(async (db) => {
      // Channels only: the help pages a fresh database lacks would add their own lines.
      const propulse = { ...builtInTemplate("propulse"), help: undefined };
      const withoutCafe = { ...propulse, channels: propulse.channels.filter((channel) => channel.slug !== "cafe") };
      const dryRun = await importTemplate(db, withoutCafe, { apply: false });
      expect(dryRun.ok && dryRun.changes).toEqual([
        "- salon cafe absent du fichier : archivé (ses fils restent lisibles, rien n'est supprimé)",
      ]);
      await importTemplate(db, withoutCafe, { apply: true });
      const cafe = (await listChannels(db)).find((channel) => channel.slug === "cafe");
      expect(cafe?.archivedAt).toBeInstanceOf(Date);
      // The export leaves archived channels out, so the round trip holds.
      expect(await exportTemplate(db)).toEqual(withoutCafe);

      const restore = await importTemplate(db, propulse, { apply: true });
      expect(restore.ok && restore.changes).toEqual(["+ salon cafe restauré (il était archivé)"]);
      expect((await listChannels(db)).find((channel) => channel.slug === "cafe")?.archivedAt).toBeNull();
      expect(await exportTemplate(db)).toEqual(propulse);
    });
  });
});
