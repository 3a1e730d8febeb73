import "server-only";
// The shapes live in lib/domain: db/queries builds them and may not import lib code.
export type { ApplicationEntry, OfferAuthor, OfferDetail, OfferFields, OfferSummary } from "@/lib/domain/offers";
