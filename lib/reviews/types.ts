import type { PageRect, ReviewDocKind, RubricScores } from "@/db/schema/reviews";

/** Shapes of review data as pages and components receive them (db/queries/reviews builds them). */

export type ReviewVersionView = {
  id: number;
  number: number;
  letterText: string | null;
  createdAt: Date;
  file: { id: string; contentType: string; byteSize: number; pageCount: number | null; originalName: string } | null;
};

export type ReviewRequestView = {
  threadId: number;
  docKind: ReviewDocKind;
  target: string;
  feedbackWanted: string;
  resolvedAt: Date | null;
  versions: ReviewVersionView[];
};

export type FeedbackView = {
  postId: number;
  postNumber: number;
  versionId: number;
  authorName: string;
  scores: RubricScores;
  createdAt: Date;
};

export type PageCommentView = {
  id: number;
  postNumber: number;
  versionId: number;
  page: number;
  rect: PageRect | null;
  authorName: string;
  text: string;
};
