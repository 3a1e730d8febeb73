/** `pitch`: a pitch practice thread (audio recording and/or text) in the `pitch` channel. */
export const reviewDocKinds = ["cv", "letter", "pitch"] as const;
export type ReviewDocKind = (typeof reviewDocKinds)[number];

/** One criterion's score (1 to 4) and optional comment, keyed by criterion id (lib/reviews/rubric). */
export type RubricScores = Record<string, { score: number; comment?: string }>;

/** A rectangle on a page, in fractions (0–1) of the page's width and height: any zoom, any screen. */
export type PageRect = { x: number; y: number; w: number; h: number };

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
  /** Retention deleted the files (24 months without a new version): the thread shows a note. */
  filesExpiredAt: Date | null;
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
  versionNumber: number;
  page: number;
  rect: PageRect | null;
  authorName: string;
  text: string;
};
