import type { JSONContent } from "@tiptap/react";

/**
 * A copy of what is being written, kept in the browser until the server has it: posting or
 * saving offline keeps the text, and a reload (or a crash) finds it again even though the
 * server-side draft could not be saved.
 */
export type LocalDraft = {
  title?: string;
  body: JSONContent | null;
  replyToId?: number | null;
  /** When it was typed (ms since epoch), to keep whichever of it and the server's copy is newer. */
  savedAt: number;
};

type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const PREFIX = "propulse:draft:";

/** One key per member and target, so a shared computer never offers one member's text to another. */
export function localDraftKey(ownerId: string, target: string) {
  return `${PREFIX}${ownerId}:${target}`;
}

function browserStorage(): DraftStorage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    // Storage disabled (private mode settings): the server-side draft still works.
    return null;
  }
}

export function readLocalDraft(key: string, storage = browserStorage()): LocalDraft | null {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as LocalDraft;
    return typeof parsed?.savedAt === "number" ? parsed : null;
  } catch {
    return null;
  }
}

export function writeLocalDraft(key: string, draft: LocalDraft, storage = browserStorage()) {
  try {
    storage?.setItem(key, JSON.stringify(draft));
  } catch {
    // Quota exceeded: nothing better to do than rely on the server copy.
  }
}

export function clearLocalDraft(key: string, storage = browserStorage()) {
  try {
    storage?.removeItem(key);
  } catch {
    // Ignored, as above.
  }
}

/**
 * The local copy wins when the server has none or an older one. A local copy only exists while
 * the server has not confirmed it, so on equal footing it is the one the person typed last.
 */
export function isLocalNewer(local: LocalDraft | null, serverSavedAt: string | Date | null | undefined) {
  if (!local) return false;
  if (!serverSavedAt) return true;
  return local.savedAt >= new Date(serverSavedAt).getTime();
}

/** True when a document holds something worth keeping (not an empty paragraph). */
export function hasContent(draft: Pick<LocalDraft, "title" | "body">) {
  if (draft.title?.trim()) return true;
  const walk = (node: JSONContent | null | undefined): boolean =>
    Boolean(
      node && ((node.type === "text" && node.text?.trim()) || node.type === "mention" || node.content?.some(walk)),
    );
  return walk(draft.body);
}
