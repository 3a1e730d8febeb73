"use client";

import { lazy, Suspense, type ComponentProps } from "react";

// Review threads only: these load as chunks of their own, so a reader of any other thread
// does not download them (the thread page's JavaScript budget checks it).
const AuthorToolsChunk = lazy(() => import("./author-tools").then((module) => ({ default: module.AuthorTools })));
const RubricFormChunk = lazy(() => import("./rubric-form").then((module) => ({ default: module.RubricForm })));
const VersionViewerChunk = lazy(() => import("./version-viewer").then((module) => ({ default: module.VersionViewer })));

export function LazyAuthorTools(props: ComponentProps<typeof AuthorToolsChunk>) {
  return (
    <Suspense fallback={null}>
      <AuthorToolsChunk {...props} />
    </Suspense>
  );
}

export function LazyRubricForm(props: ComponentProps<typeof RubricFormChunk>) {
  return (
    <Suspense fallback={null}>
      <RubricFormChunk {...props} />
    </Suspense>
  );
}

export function LazyVersionViewer(props: ComponentProps<typeof VersionViewerChunk>) {
  return (
    <Suspense fallback={<div className="min-h-40" aria-hidden="true" />}>
      <VersionViewerChunk {...props} />
    </Suspense>
  );
}
