import "server-only";
import http from "node:http";
import https from "node:https";
import { z } from "zod";
import type { NetworkOfferInput } from "@/db/queries/network";
import { essFamilies, offerContracts, workModes } from "@/lib/domain/offers";
import { isAllowedOutboundUrl, publicOnlyLookup, type OutboundPolicy } from "@/lib/outbound/public-address";

/** Enough for any community's open offers; a larger answer is not an offers list. */
const MAX_PAGE_BYTES = 2 * 1024 * 1024;
const MAX_PAGES = 10;
const PAGE_SIZE = 50;
const REQUEST_TIMEOUT_MS = 15_000;

/** One offer of another instance's `GET /api/v1/job-offers` (the fields we keep; others are ignored). */
const remoteOfferSchema = z.object({
  id: z.number().int().positive(),
  url: z.url({ protocol: /^https?$/ }).max(2_000),
  title: z.string().trim().min(1).max(200),
  organisation: z.string().trim().min(1).max(200),
  essFamily: z.enum(essFamilies),
  contract: z.enum(offerContracts),
  workMode: z.enum(workModes),
  city: z.string().trim().max(120),
  department: z.string().trim().max(3),
  excerpt: z.string().max(2_000).default(""),
  status: z.string(),
  publishedAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }),
});

const remotePageSchema = z.object({
  items: z.array(z.unknown()).max(500),
  next: z.string().nullable().optional(),
});

export type RemoteOffers = { offers: NetworkOfferInput[]; skipped: number };

/**
 * GETs a URL that passed the outbound policy, refusing non-public DNS answers at connection time,
 * redirects (a redirect could lead anywhere) and answers over `MAX_PAGE_BYTES`.
 */
function getJson(url: URL, policy: OutboundPolicy): Promise<unknown> {
  const client = url.protocol === "http:" ? http : https;
  return new Promise((resolve, reject) => {
    const request = client.get(
      url,
      {
        headers: { accept: "application/json", "user-agent": "propulse-community (offres du réseau)" },
        lookup: publicOnlyLookup(policy),
        timeout: REQUEST_TIMEOUT_MS,
      },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          return reject(new Error(`${url.origin} answered ${response.statusCode}`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_PAGE_BYTES) request.destroy(new Error(`${url.origin} sent more than ${MAX_PAGE_BYTES} bytes`));
          else chunks.push(chunk);
        });
        response.on("error", reject);
        response.on("end", () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
          } catch {
            reject(new Error(`${url.origin} did not answer JSON`));
          }
        });
      },
    );
    request.on("timeout", () => request.destroy(new Error(`${url.origin} timed out`)));
    request.on("error", reject);
  });
}

/**
 * Every open offer another instance publishes, read page by page from its offers API (at most
 * `MAX_PAGES` pages). An item that does not parse is skipped and
 * counted, not fatal: one odd offer must not hide the others. Throws when the source cannot be read.
 */
export async function fetchRemoteOffers(baseUrl: string, policy: OutboundPolicy): Promise<RemoteOffers> {
  const origin = new URL(baseUrl).origin;
  let next: URL | null = new URL(`/api/v1/job-offers?limit=${PAGE_SIZE}`, origin);
  const offers = new Map<number, NetworkOfferInput>();
  let skipped = 0;
  for (let page = 0; next && page < MAX_PAGES; page += 1) {
    if (!isAllowedOutboundUrl(next.href, policy)) throw new Error(`${next.origin} is not an allowed address`);
    const parsed = remotePageSchema.safeParse(await getJson(next, policy));
    if (!parsed.success) throw new Error(`${origin} did not answer an offers list`);
    for (const item of parsed.data.items) {
      const offer = remoteOfferSchema.safeParse(item);
      if (!offer.success || offer.data.status !== "open" || !isAllowedOutboundUrl(offer.data.url, policy)) {
        skipped += 1;
        continue;
      }
      const { id, url, title, organisation, essFamily, contract, workMode, city, department, excerpt } = offer.data;
      offers.set(id, {
        url,
        title,
        organisation,
        essFamily,
        contract,
        workMode,
        city,
        department,
        excerpt,
        remoteId: id,
        publishedAt: new Date(offer.data.publishedAt),
        expiresAt: new Date(offer.data.expiresAt),
      });
    }
    // The link is built from the other instance's configured public address, which may differ
    // from the one followed here: only its path and query are used, on the followed origin.
    const link = parsed.data.next && URL.canParse(parsed.data.next, origin) ? new URL(parsed.data.next, origin) : null;
    next = link?.pathname === "/api/v1/job-offers" ? new URL(`${link.pathname}${link.search}`, origin) : null;
  }
  return { offers: [...offers.values()], skipped };
}
