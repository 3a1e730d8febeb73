/** What components get of "Offres du réseau" (they never import db/). */
export type { NetworkOfferEntry } from "@/db/queries/network";
