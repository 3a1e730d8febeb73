import { describe, expect, it } from "vitest";
import { addDays, isOfferExpired, isOfferOpen, offerExpiresAt, parisMidnight, parisToday } from "./offer-expiry";

describe("offer expiry", () => {
  it("ends at midnight Paris time after the deadline day, in winter and in summer", () => {
    // 15 January: Paris is UTC+1, so the day ends at 23:00 UTC.
    expect(
      offerExpiresAt({ deadline: "2026-01-15", publishedAt: new Date("2026-01-02T10:00:00Z") }).toISOString(),
    ).toBe("2026-01-15T23:00:00.000Z");
    // 15 July: UTC+2.
    expect(
      offerExpiresAt({ deadline: "2026-07-15", publishedAt: new Date("2026-07-01T10:00:00Z") }).toISOString(),
    ).toBe("2026-07-15T22:00:00.000Z");
  });

  it("handles deadlines on the days clocks change", () => {
    // Summer time starts on 29 March 2026 at 2 am: that day still starts at UTC+1 …
    expect(parisMidnight("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    // … and the next one at UTC+2.
    expect(
      offerExpiresAt({ deadline: "2026-03-29", publishedAt: new Date("2026-03-01T00:00:00Z") }).toISOString(),
    ).toBe("2026-03-29T22:00:00.000Z");
    // Winter time comes back on 25 October 2026.
    expect(
      offerExpiresAt({ deadline: "2026-10-25", publishedAt: new Date("2026-10-01T00:00:00Z") }).toISOString(),
    ).toBe("2026-10-25T23:00:00.000Z");
  });

  it("lasts 60 days after publication when there is no deadline", () => {
    const publishedAt = new Date("2026-01-10T08:30:00Z");
    expect(offerExpiresAt({ deadline: null, publishedAt }).toISOString()).toBe("2026-03-11T08:30:00.000Z");
  });

  it("the deadline wins over the 60 days, even when it is later", () => {
    const publishedAt = new Date("2026-01-10T08:30:00Z");
    expect(offerExpiresAt({ deadline: "2026-06-30", publishedAt }).toISOString()).toBe("2026-06-30T22:00:00.000Z");
  });

  it("an offer is open on its deadline day and expired the next morning", () => {
    const offer = {
      expiresAt: offerExpiresAt({ deadline: "2026-05-20", publishedAt: new Date("2026-05-01T00:00:00Z") }),
      filledAt: null,
    };
    expect(isOfferExpired(offer, new Date("2026-05-20T21:59:59Z"))).toBe(false);
    expect(isOfferOpen(offer, new Date("2026-05-20T21:59:59Z"))).toBe(true);
    expect(isOfferExpired(offer, new Date("2026-05-20T22:00:00Z"))).toBe(true);
    expect(isOfferOpen(offer, new Date("2026-05-21T08:00:00Z"))).toBe(false);
  });

  it("a filled offer is not open, even before it expires", () => {
    const offer = { expiresAt: new Date("2030-01-01T00:00:00Z"), filledAt: new Date("2026-01-01T00:00:00Z") };
    expect(isOfferExpired(offer, new Date("2026-02-01T00:00:00Z"))).toBe(false);
    expect(isOfferOpen(offer, new Date("2026-02-01T00:00:00Z"))).toBe(false);
  });

  it("reads today in Paris, not in UTC", () => {
    expect(parisToday(new Date("2026-01-15T23:30:00Z"))).toBe("2026-01-16");
    expect(parisToday(new Date("2026-07-15T21:30:00Z"))).toBe("2026-07-15");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
  });
});
