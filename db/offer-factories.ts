/**
 * Test helpers for job offers (used only by *.test.ts files): a valid offer with overrides,
 * created through the real query.
 */
import { addDays, parisToday } from "@/lib/offers/expiry";
import type { OfferFields } from "@/lib/offers/types";
import type { Db } from "./client";
import { createOffer } from "./queries/offers";
import { channelId, documentFromText } from "./test-factories";
import { threadRow } from "@/lib/forum/content";

export function offerFields(overrides: Partial<OfferFields> = {}): OfferFields {
  return {
    origin: "employer",
    organisation: "Coopérative Les Ateliers du Rhône",
    essFamily: "cooperative",
    contract: "cdi",
    city: "Lyon",
    department: "69",
    workMode: "hybrid",
    salaryMin: null,
    salaryMax: null,
    salaryPeriod: "year",
    startDate: addDays(parisToday(), 30),
    deadline: null,
    howToApply: "recrutement@ateliers.example",
    sourceUrl: null,
    ...overrides,
  };
}

export async function makeOffer(
  db: Db,
  authorId: string,
  options: { title?: string; fields?: Partial<OfferFields> } = {},
) {
  const { thread } = await createOffer(
    db,
    threadRow({
      channelId: await channelId(db, "offres"),
      authorId,
      title: options.title ?? "Chargé·e de mission insertion",
      body: documentFromText("Accompagner nos salariés en parcours d'insertion."),
      fields: offerFields(options.fields),
    }),
  );
  return thread;
}
