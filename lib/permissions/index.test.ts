import { describe, expect, it } from "vitest";
import {
  canChangeRoles,
  canEditBranding,
  canManageProgramme,
  canModerate,
  canPostInChannel,
  canReadChannel,
  canReadReplies,
  canReadThread,
  canReply,
  isListedChannel,
  type Actor,
} from "./index";

const member: Actor = { id: "a", role: "member", status: "active" };
const suspended: Actor = { id: "b", role: "member", status: "suspended" };
const pending: Actor = { id: "c", role: "member", status: "pending" };
const facilitator: Actor = { id: "d", role: "facilitator", status: "active" };
const admin: Actor = { id: "e", role: "admin", status: "active" };

const publicOffers = { visibility: "public", kind: "offers" } as const;
const membersOnly = { visibility: "members", kind: "discussion" } as const;
const publicReview = { visibility: "public", kind: "review" } as const;

describe("canReadChannel", () => {
  it("lets visitors read public channels only", () => {
    expect(canReadChannel(null, publicOffers)).toBe(true);
    expect(canReadChannel(null, membersOnly)).toBe(false);
  });
  it("keeps CV and pitch channels private even when marked public", () => {
    expect(canReadChannel(null, publicReview)).toBe(false);
    expect(canReadChannel(member, publicReview)).toBe(true);
  });
  it("treats pending accounts like visitors and lets suspended accounts read nothing", () => {
    expect(canReadChannel(suspended, membersOnly)).toBe(false);
    expect(canReadChannel(pending, membersOnly)).toBe(false);
    expect(canReadChannel(pending, publicOffers)).toBe(true);
    expect(canReadChannel(suspended, publicOffers)).toBe(false);
  });
});

describe("canReadReplies", () => {
  it("keeps the questions under a public offer for members, the offer itself staying public", () => {
    expect(canReadChannel(null, publicOffers)).toBe(true);
    expect(canReadReplies(null, publicOffers)).toBe(false);
    expect(canReadReplies(pending, publicOffers)).toBe(false);
    expect(canReadReplies(suspended, publicOffers)).toBe(false);
    expect(canReadReplies(member, publicOffers)).toBe(true);
    expect(canReadReplies(facilitator, publicOffers)).toBe(true);
  });
  it("follows the channel elsewhere", () => {
    const publicDiscussion = { visibility: "public", kind: "discussion" } as const;
    expect(canReadReplies(null, publicDiscussion)).toBe(true);
    expect(canReadReplies(null, membersOnly)).toBe(false);
    expect(canReadReplies(member, membersOnly)).toBe(true);
  });
});

describe("staff capabilities", () => {
  it("reserves moderation to active facilitators and admins", () => {
    expect([null, member, suspended, facilitator, admin].map(canModerate)).toEqual([false, false, false, true, true]);
  });
  it("reserves role changes to admins", () => {
    expect([member, facilitator, admin].map(canChangeRoles)).toEqual([false, false, true]);
  });
  it("reserves the community's name, colours and logo to active admins", () => {
    const suspendedAdmin: Actor = { id: "f", role: "admin", status: "suspended" };
    expect([null, member, facilitator, suspendedAdmin, admin].map(canEditBranding)).toEqual([
      false,
      false,
      false,
      false,
      true,
    ]);
  });
  it("reserves the programme's export and import to active admins", () => {
    const suspendedAdmin: Actor = { id: "f", role: "admin", status: "suspended" };
    expect([null, member, pending, facilitator, suspendedAdmin, admin].map(canManageProgramme)).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
  });
});

describe("archived channels", () => {
  const open = { visibility: "members", kind: "discussion", archivedAt: null } as const;
  const archived = { ...open, archivedAt: new Date("2026-11-30T10:00:00Z") };
  const thread = { isLocked: false, deletedAt: null };

  it("stay readable, threads included, by whoever could read them", () => {
    expect(canReadChannel(member, archived)).toBe(true);
    expect(canReadThread(member, archived, thread)).toBe(true);
    expect(canReadThread(null, archived, thread)).toBe(false);
  });
  it("take no new thread and no reply, not even from the team", () => {
    for (const actor of [member, facilitator, admin]) {
      expect(canPostInChannel(actor, open)).toBe(true);
      expect(canPostInChannel(actor, archived)).toBe(false);
      expect(canReply(actor, open, thread)).toBe(true);
      expect(canReply(actor, archived, thread)).toBe(false);
    }
  });
  it("leave the lists (navigation, home, compose choices, search filters)", () => {
    expect(isListedChannel(member, open)).toBe(true);
    expect(isListedChannel(member, archived)).toBe(false);
    expect(isListedChannel(admin, archived)).toBe(false);
    // An unreadable channel is not listed either.
    expect(isListedChannel(null, open)).toBe(false);
  });
});
