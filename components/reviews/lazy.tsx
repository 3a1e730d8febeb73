"use client";

import { lazy, Suspense, useSyncExternalStore, type ComponentProps, type ReactNode } from "react";

// Review and pitch threads only: these load as chunks of their own, so a reader of any other thread
// does not download them (the thread page's JavaScript budget checks it). They render in the
// browser only: a server-rendered form that is not hydrated yet would lose what is typed in it.
const AuthorToolsChunk = lazy(() => import("./author-tools").then((module) => ({ default: module.AuthorTools })));
const RubricFormChunk = lazy(() => import("./rubric-form").then((module) => ({ default: module.RubricForm })));
const RecordedReplyFormChunk = lazy(() =>
  import("@/components/pitches/recorded-reply-form").then((module) => ({ default: module.RecordedReplyForm })),
);
const ReviewLiveRefreshChunk = lazy(() =>
  import("./review-live-refresh").then((module) => ({ default: module.ReviewLiveRefresh })),
);
const WithdrawRecordingChunk = lazy(() =>
  import("@/components/pitches/withdraw-recording").then((module) => ({ default: module.WithdrawRecording })),
);
const VersionViewerChunk = lazy(() => import("./version-viewer").then((module) => ({ default: module.VersionViewer })));

const subscribe = () => () => {};

function ClientOnly({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  const isClient = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  return <Suspense fallback={fallback}>{isClient ? children : fallback}</Suspense>;
}

export function LazyAuthorTools(props: ComponentProps<typeof AuthorToolsChunk>) {
  return (
    <ClientOnly>
      <AuthorToolsChunk {...props} />
    </ClientOnly>
  );
}

export function LazyRubricForm(props: ComponentProps<typeof RubricFormChunk>) {
  return (
    <ClientOnly>
      <RubricFormChunk {...props} />
    </ClientOnly>
  );
}

export function LazyVersionViewer(props: ComponentProps<typeof VersionViewerChunk>) {
  return (
    <ClientOnly fallback={<div className="min-h-40" aria-hidden="true" />}>
      <VersionViewerChunk {...props} />
    </ClientOnly>
  );
}

export function LazyRecordedReplyForm(props: ComponentProps<typeof RecordedReplyFormChunk>) {
  return (
    <ClientOnly>
      <RecordedReplyFormChunk {...props} />
    </ClientOnly>
  );
}

export function LazyReviewLiveRefresh(props: ComponentProps<typeof ReviewLiveRefreshChunk>) {
  return (
    <ClientOnly>
      <ReviewLiveRefreshChunk {...props} />
    </ClientOnly>
  );
}

export function LazyWithdrawRecording(props: ComponentProps<typeof WithdrawRecordingChunk>) {
  return (
    <ClientOnly>
      <WithdrawRecordingChunk {...props} />
    </ClientOnly>
  );
}
