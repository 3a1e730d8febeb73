import { describe, expect, it } from "vitest";
import type { MessageView } from "@/lib/messages/views";
import { lastNumberOf, removeTypist, seenByNames, setReactions, upsertMessage, upsertMessages } from "./message-state";

const author = (id: string) => ({ id, name: id, role: "member", organisation: null });
function message(number: number, overrides: Partial<MessageView> = {}): MessageView {
  return {
    id: number * 10,
    conversationId: 1,
    number,
    author: author("camille"),
    bodyHtml: `<p>${number}</p>`,
    body: null,
    isDeleted: false,
    createdAt: new Date(0).toISOString(),
    editedAt: null,
    version: 1,
    attachments: [],
    reactions: [],
    ...overrides,
  };
}

describe("conversation state", () => {
  it("shows a message once when it arrives live and through catch-up, in number order", () => {
    let state = upsertMessage([message(1)], message(3));
    state = upsertMessages(state, [message(2), message(3)]);
    expect(state.map((m) => m.number)).toEqual([1, 2, 3]);
    expect(lastNumberOf(state)).toBe(3);
  });

  it("keeps the newer edit and the deletion over a late older copy", () => {
    const edited = message(1, { version: 2, bodyHtml: "<p>v2</p>" });
    expect(upsertMessage([edited], message(1))[0]!.bodyHtml).toBe("<p>v2</p>");
    const deleted = message(1, { isDeleted: true, bodyHtml: null });
    expect(upsertMessage([deleted], edited)[0]!.isDeleted).toBe(true);
    expect(upsertMessage([edited], deleted)[0]!.isDeleted).toBe(true);
  });

  it("says who has seen the viewer's last message", () => {
    const messages = [message(1), message(2, { author: author("pro") }), message(3)];
    const participants = [
      { id: "camille", name: "Camille", lastReadNumber: 3 },
      { id: "pro", name: "Karim", lastReadNumber: 3 },
      { id: "lea", name: "Léa", lastReadNumber: 2 },
    ];
    expect(seenByNames(messages, "camille", participants)).toEqual(["Karim"]);
    expect(seenByNames(messages, "lea", participants)).toEqual([]);
  });

  it("puts live reactions on their message only, and keeps them through a later edit of another message", () => {
    const thumbs = { emoji: "👍", count: 1, names: ["pro"], userIds: ["pro"] };
    let state = setReactions([message(1), message(2)], 10, [thumbs]);
    expect(state.map((m) => m.reactions)).toEqual([[thumbs], []]);
    state = upsertMessage(state, message(2, { version: 2, bodyHtml: "<p>2 bis</p>" }));
    expect(state[0]!.reactions).toEqual([thumbs]);
    expect(setReactions(state, 999, [])).toBe(state);
  });

  it("drops a typist when their message arrives or their signal is too old", () => {
    const typists = [
      { id: "lea", name: "Léa", until: 5_000 },
      { id: "yanis", name: "Yanis", until: 9_000 },
    ];
    expect(removeTypist(typists, { authorId: "lea", now: 1_000 }).map((t) => t.id)).toEqual(["yanis"]);
    expect(removeTypist(typists, { now: 6_000 }).map((t) => t.id)).toEqual(["yanis"]);
  });
});
