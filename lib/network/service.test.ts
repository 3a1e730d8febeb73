/**
 * "Offres du réseau" through the real services and queries, against a local HTTP server that
 * stands in for another community's offers API (page by page, like GET /api/v1/job-offers).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { networkOffers, networkSources, type User } from "@/db/schema";
import { makeOffer } from "@/db/offer-factories";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { contextFor } from "@/lib/context";
import { addNetworkSourceSchema } from "@/lib/validation/network";
import {
  browseNetworkOffers,
  followCommunity,
  refreshAllNetworkSources,
  refreshFollowedCommunity,
  unfollowCommunity,
} from "./service";

type RemoteOffer = Record<string, unknown>;

const DAY = 86_400_000;
let testDb: TestDb & { dataDir: string };
let admin: User;
let facilitator: User;
let member: User;
let remote: { server: Server; origin: string; offers: RemoteOffer[]; status: number; requests: string[] };

function remoteOffer(id: number, overrides: RemoteOffer = {}): RemoteOffer {
  return {
    id,
    url: `https://lyon.example/c/offres/${id}-offre`,
    title: `Offre ${id} à Lyon`,
    organisation: "Régie de quartier",
    essFamily: "insertion",
    contract: "cdd",
    city: "Lyon",
    department: "69",
    workMode: "on_site",
    excerpt: "Accompagner les habitants.",
    status: "open",
    publishedAt: new Date(Date.now() - id * 60_000).toISOString(),
    expiresAt: new Date(Date.now() + 30 * DAY).toISOString(),
    // Fields this instance does not keep are ignored.
    salary: null,
    publishedBy: { name: "Someone", role: "pro", organisation: null },
    ...overrides,
  };
}

/** Serves `remote.offers` two per page with an absolute `next` link, as the real API does. */
async function startRemote() {
  const state = { offers: [] as RemoteOffer[], status: 200, requests: [] as string[] };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    state.requests.push(url.pathname + url.search);
    if (url.pathname !== "/api/v1/job-offers") return response.writeHead(404).end();
    if (state.status !== 200) return response.writeHead(state.status).end("down");
    const start = Number(url.searchParams.get("after") ?? 0);
    const items = state.offers.slice(start, start + 2);
    const next =
      start + 2 < state.offers.length ? `http://public-name.example/api/v1/job-offers?after=${start + 2}` : null;
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ items, next }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, { server, origin });
}

beforeAll(async () => {
  // The stand-in listens on this machine: accepted only with this flag.
  testDb = await createServiceTestDb({ NETWORK_ALLOW_LOCAL_SOURCES: "1", PUBLIC_URL: "http://localhost:3999" });
  remote = await startRemote();
  admin = await makeUser(testDb.db, "Alice Admin", "admin");
  facilitator = await makeUser(testDb.db, "Fanny Animation", "facilitator");
  member = await makeUser(testDb.db, "Camille Durand");
});
afterAll(async () => {
  await new Promise((resolve) => remote?.server.close(resolve));
  await testDb?.close();
});
beforeEach(async () => {
  await testDb.db.delete(networkSources);
  remote.offers = [];
  remote.status = 200;
  remote.requests = [];
});

const asAdmin = () => contextFor(actorOf(admin), testDb.db);
const follow = (name = "Entraide emploi Lyon") =>
  followCommunity(asAdmin(), addNetworkSourceSchema.parse({ name, url: `${remote.origin}/c/offres` }));

async function listed(filters = {}) {
  const page = await browseNetworkOffers(contextFor(null, testDb.db), { filters });
  return page.items.map((offer) => offer.title);
}

describe("following another community", () => {
  it("copies its open offers, every page, attributed to it, newest first", async () => {
    remote.offers = [1, 2, 3, 4, 5].map((id) => remoteOffer(id));
    const { source, refresh } = await follow();
    expect(source.baseUrl).toBe(remote.origin);
    expect(refresh).toEqual({ ok: true, kept: 5, removed: 0, skipped: 0 });
    // Three pages of two; the absolute `next` link is followed on the source's own origin.
    expect(remote.requests).toEqual([
      "/api/v1/job-offers?limit=50",
      "/api/v1/job-offers?after=2",
      "/api/v1/job-offers?after=4",
    ]);
    const page = await browseNetworkOffers(contextFor(null, testDb.db), { filters: {} });
    expect(page.items.map((offer) => offer.title)).toEqual([1, 2, 3, 4, 5].map((id) => `Offre ${id} à Lyon`));
    expect(page.items[0]).toMatchObject({
      sourceName: "Entraide emploi Lyon",
      url: "https://lyon.example/c/offres/1-offre",
    });
    expect(page.sources).toEqual([{ id: source.id, name: "Entraide emploi Lyon", offerCount: 5 }]);
  });

  it("on refresh: new offers in, filled or vanished ones out, changed ones updated, no duplicates", async () => {
    remote.offers = [1, 2, 3].map((id) => remoteOffer(id));
    const { source } = await follow();
    remote.offers = [
      remoteOffer(1, { title: "Offre 1 (modifiée)" }),
      remoteOffer(2, { status: "filled" }),
      remoteOffer(4),
    ];
    expect(await refreshFollowedCommunity(asAdmin(), source.id)).toEqual({ ok: true, kept: 2, removed: 2, skipped: 1 });
    expect(await listed()).toEqual(["Offre 1 (modifiée)", "Offre 4 à Lyon"]);
    expect(await testDb.db.select().from(networkOffers)).toHaveLength(2);
  });

  it("skips malformed or unsafe items without losing the others", async () => {
    remote.offers = [
      remoteOffer(1),
      remoteOffer(2, { contract: "esclavage" }),
      remoteOffer(3, { url: "javascript:alert(1)" }),
      remoteOffer(4, { url: "http://10.0.0.5/offre" }),
      { id: "five" },
    ];
    const { refresh } = await follow();
    expect(refresh).toEqual({ ok: true, kept: 1, removed: 0, skipped: 4 });
    expect(await listed()).toEqual(["Offre 1 à Lyon"]);
  });

  it("keeps the copied offers when the other community is down, and shows the error to admins", async () => {
    remote.offers = [remoteOffer(1)];
    const { source } = await follow();
    remote.status = 503;
    await refreshAllNetworkSources(testDb.db);
    expect(await listed()).toEqual(["Offre 1 à Lyon"]);
    const [row] = await testDb.db.select().from(networkSources);
    expect(row?.lastError).toContain("answered 503");
    remote.status = 200;
    remote.offers = [];
    expect(await refreshFollowedCommunity(asAdmin(), source.id)).toMatchObject({ ok: true, removed: 1 });
    expect(await listed()).toEqual([]);
  });

  it("never lists an expired offer, even before the next refresh", async () => {
    remote.offers = [remoteOffer(1), remoteOffer(2, { expiresAt: new Date(Date.now() + 1_000).toISOString() })];
    await follow();
    const later = new Date(Date.now() + 60_000);
    const page = await browseNetworkOffers(contextFor(null, testDb.db), { filters: {} });
    expect(page.items).toHaveLength(2);
    const { listNetworkOffers } = await import("@/db/queries/network");
    expect((await listNetworkOffers(testDb.db, { now: later })).items.map((offer) => offer.remoteId)).toEqual([1]);
  });

  it("filters by contract, work mode, department and community", async () => {
    remote.offers = [
      remoteOffer(1, { contract: "cdi", department: "69" }),
      remoteOffer(2, { contract: "cdd", department: "38", workMode: "remote" }),
    ];
    const { source } = await follow();
    expect(await listed({ contract: "cdi" })).toEqual(["Offre 1 à Lyon"]);
    expect(await listed({ department: "38" })).toEqual(["Offre 2 à Lyon"]);
    expect(await listed({ workMode: "remote" })).toEqual(["Offre 2 à Lyon"]);
    expect(await listed({ sourceId: source.id + 1 })).toEqual([]);
  });

  it("does not show twice an offer a member here already relayed (same link)", async () => {
    remote.offers = [remoteOffer(1), remoteOffer(2)];
    await follow();
    await makeOffer(testDb.db, member.id, {
      title: "Offre relayée",
      fields: { origin: "shared", sourceUrl: "https://lyon.example/c/offres/1-offre" },
    });
    expect(await listed()).toEqual(["Offre 2 à Lyon"]);
  });

  it("refuses the same community twice, and this community itself", async () => {
    await follow();
    await expect(follow("Encore Lyon")).rejects.toMatchObject({ messageKey: "network.urlTaken" });
    await expect(
      followCommunity(asAdmin(), addNetworkSourceSchema.parse({ name: "Moi", url: "http://localhost:3999/" })),
    ).rejects.toMatchObject({ messageKey: "network.urlSelf" });
    expect(await testDb.db.select().from(networkSources)).toHaveLength(1);
  });

  it("is the admins' alone: facilitators and members are refused and nothing changes", async () => {
    remote.offers = [remoteOffer(9)];
    const { source } = await follow();
    for (const user of [facilitator, member]) {
      const ctx = contextFor(actorOf(user), testDb.db);
      await expect(
        followCommunity(ctx, addNetworkSourceSchema.parse({ name: "Autre", url: "http://localhost:4001" })),
      ).rejects.toMatchObject({ code: "not_found" });
      await expect(refreshFollowedCommunity(ctx, source.id)).rejects.toMatchObject({ code: "not_found" });
      await expect(unfollowCommunity(ctx, source.id)).rejects.toMatchObject({ code: "not_found" });
    }
    expect(await testDb.db.select().from(networkSources)).toHaveLength(1);
    expect(await listed()).toEqual(["Offre 9 à Lyon"]);
    await unfollowCommunity(asAdmin(), source.id);
    expect(await listed()).toEqual([]);
  });
});
