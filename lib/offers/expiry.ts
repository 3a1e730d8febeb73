// Pure date arithmetic, in lib/domain so db/queries can compute `expires_at` without importing lib code.
export {
  addDays,
  isOfferExpired,
  isOfferOpen,
  offerExpiresAt,
  parisMidnight,
  parisToday,
} from "@/lib/domain/offer-expiry";
