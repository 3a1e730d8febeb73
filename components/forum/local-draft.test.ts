import { describe, expect, it } from "vitest";
import {
  clearLocalDraft,
  hasContent,
  isLocalNewer,
  localDraftKey,
  readLocalDraft,
  writeLocalDraft,
} from "./local-draft";
import { textToDoc } from "./reply-starter";

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
}

describe("local drafts", () => {
  it("keeps one copy per member and target, and forgets it once cleared", () => {
    const storage = memoryStorage();
    const key = localDraftKey("user-a", "reply:12");
    expect(localDraftKey("user-b", "reply:12")).not.toBe(key);
    writeLocalDraft(key, { body: textToDoc("Bonjour"), savedAt: 5 }, storage);
    expect(readLocalDraft(key, storage)?.body).toEqual(textToDoc("Bonjour"));
    expect(readLocalDraft(localDraftKey("user-b", "reply:12"), storage)).toBeNull();
    clearLocalDraft(key, storage);
    expect(readLocalDraft(key, storage)).toBeNull();
  });

  it("ignores a corrupt entry instead of breaking the page", () => {
    const storage = memoryStorage();
    storage.setItem("k", "{not json");
    expect(readLocalDraft("k", storage)).toBeNull();
  });

  it("restores whichever copy is newer", () => {
    const local = { body: null, savedAt: Date.parse("2026-12-02T10:00:00Z") };
    expect(isLocalNewer(local, null)).toBe(true);
    expect(isLocalNewer(local, "2026-12-02T09:59:00Z")).toBe(true);
    expect(isLocalNewer(local, new Date("2026-12-02T10:01:00Z"))).toBe(false);
    expect(isLocalNewer(null, null)).toBe(false);
  });

  it("an empty editor is not a draft worth restoring", () => {
    expect(hasContent({ body: { type: "doc", content: [{ type: "paragraph" }] } })).toBe(false);
    expect(hasContent({ body: textToDoc("Salut") })).toBe(true);
    expect(hasContent({ title: "Un titre", body: null })).toBe(true);
  });
});

describe("text typed before the editor loaded", () => {
  it("becomes one paragraph per line", () => {
    expect(textToDoc("  ")).toBeNull();
    expect(textToDoc("Un\n\nDeux")).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Un" }] },
        { type: "paragraph" },
        { type: "paragraph", content: [{ type: "text", text: "Deux" }] },
      ],
    });
  });
});
