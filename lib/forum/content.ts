import type { PostContent } from "@/db/queries/posts";
import type { CreateReplyParams } from "@/db/queries/posts";
import type { CreateThreadParams } from "@/db/queries/threads";
import type { RichTextDocument } from "@/lib/editor/document";
import { documentText, excerptOf, mentionedUserIds, renderDocumentHtml } from "@/lib/editor/render";
import { slugify } from "@/lib/slug";

/**
 * Everything stored with a post that derives from its (validated) document: the HTML rendered
 * once at write time, the plain text, the excerpt and the mentioned ids. The data layer stores
 * what it gets; rendering lives here, above it.
 */
export function postContent(body: RichTextDocument): PostContent {
  const text = documentText(body);
  return { body, html: renderDocumentHtml(body), text, excerpt: excerptOf(text), mentionIds: mentionedUserIds(body) };
}

type ThreadInput = Omit<CreateThreadParams, "slug" | "content"> & { body: RichTextDocument };
type ReplyInput = Omit<CreateReplyParams, "content"> & { body: RichTextDocument };

/**
 * The row parameters of a new thread from its title and document (slug and content derived);
 * other fields (an offer's, a review request's) pass through.
 */
export function threadRow<const T extends ThreadInput>({ body, ...input }: T): Omit<T, "body"> & CreateThreadParams {
  return { ...input, slug: slugify(input.title), content: postContent(body) };
}

/** The row parameters of a new reply from its document; other fields pass through. */
export function replyRow<const T extends ReplyInput>({ body, ...input }: T): Omit<T, "body"> & CreateReplyParams {
  return { ...input, content: postContent(body) };
}
