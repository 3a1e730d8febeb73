import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { AttachmentView } from "@/lib/domain/forum";
import type { DbOrTx } from "../client";
import { postAttachments, storedFiles } from "../schema";
import type { NewStoredFile } from "./reviews";

/** The files of some posts, by post id, in one query (a thread page asks once for all its posts). */
export async function listPostAttachments(
  db: DbOrTx,
  { postIds }: { postIds: number[] },
): Promise<Map<number, AttachmentView[]>> {
  const result = new Map<number, AttachmentView[]>();
  if (!postIds.length) return result;
  const rows = await db
    .select({ postId: postAttachments.postId, fileId: postAttachments.fileId, contentType: storedFiles.contentType })
    .from(postAttachments)
    .innerJoin(storedFiles, eq(storedFiles.id, postAttachments.fileId))
    .where(inArray(postAttachments.postId, postIds))
    .orderBy(asc(postAttachments.createdAt));
  for (const { postId, ...attachment } of rows) {
    const list = result.get(postId) ?? [];
    list.push(attachment);
    result.set(postId, list);
  }
  return result;
}

/** The file a new post carries (a recorded answer), inside the transaction that wrote the post. */
export async function attachFileToPost(
  tx: DbOrTx,
  { postId, ownerId, file }: { postId: number; ownerId: string; file: NewStoredFile },
): Promise<AttachmentView[]> {
  const [stored] = await tx
    .insert(storedFiles)
    .values({ ...file, ownerId })
    .returning({ id: storedFiles.id });
  await tx.insert(postAttachments).values({ fileId: stored!.id, postId });
  return [{ fileId: stored!.id, contentType: file.contentType }];
}

/** Deletes the files a post carries (rows); returns their storage keys so the bytes can go too. */
export async function deletePostFiles(db: DbOrTx, { postId }: { postId: number }): Promise<string[]> {
  const fileIds = db
    .select({ id: postAttachments.fileId })
    .from(postAttachments)
    .where(eq(postAttachments.postId, postId));
  const rows = await db
    .delete(storedFiles)
    .where(inArray(storedFiles.id, fileIds))
    .returning({ storageKey: storedFiles.storageKey });
  return rows.map((row) => row.storageKey);
}
