import "server-only";
// The shapes live in lib/domain: db/queries builds them and may not import lib code.
export type { FeedbackView, PageCommentView, ReviewRequestView, ReviewVersionView } from "@/lib/domain/reviews";
