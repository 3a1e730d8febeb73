import { describe, expect, it } from "vitest";
import type { Actor } from "./index";
import {
  canEditOffer,
  canManageApiTokens,
  canPublishOfferAsEmployer,
  canShareOffer,
  canTrackApplications,
} from "./offers";

const actor = (
  role: "member" | "pro" | "facilitator" | "admin",
  status: "active" | "pending" | "suspended" = "active",
  id = "u1",
): Actor => ({ id, role, status });

describe("offer capabilities", () => {
  it("lets pros and the team publish employer offers, and every active member share one", () => {
    expect(canPublishOfferAsEmployer(actor("pro"))).toBe(true);
    expect(canPublishOfferAsEmployer(actor("facilitator"))).toBe(true);
    expect(canPublishOfferAsEmployer(actor("admin"))).toBe(true);
    expect(canPublishOfferAsEmployer(actor("member"))).toBe(false);
    expect(canPublishOfferAsEmployer(actor("pro", "suspended"))).toBe(false);
    expect(canPublishOfferAsEmployer(null)).toBe(false);
    expect(canShareOffer(actor("member"))).toBe(true);
    expect(canShareOffer(actor("member", "pending"))).toBe(false);
    expect(canShareOffer(null)).toBe(false);
  });

  it("gives API tokens only to accounts that publish as employers", () => {
    expect(canManageApiTokens(actor("pro"))).toBe(true);
    expect(canManageApiTokens(actor("member"))).toBe(false);
    expect(canManageApiTokens(actor("pro", "pending"))).toBe(false);
  });

  it("lets only the author change an offer, never a deleted one, and not the team either", () => {
    const offer = { authorId: "u1", isDeleted: false };
    expect(canEditOffer(actor("pro"), offer)).toBe(true);
    expect(canEditOffer(actor("admin", "active", "u2"), offer)).toBe(false);
    expect(canEditOffer(actor("pro", "suspended"), offer)).toBe(false);
    expect(canEditOffer(actor("pro"), { ...offer, isDeleted: true })).toBe(false);
    expect(canEditOffer(null, offer)).toBe(false);
  });

  it("keeps the tracker for active members", () => {
    expect(canTrackApplications(actor("member"))).toBe(true);
    expect(canTrackApplications(actor("member", "suspended"))).toBe(false);
    expect(canTrackApplications(null)).toBe(false);
  });
});
