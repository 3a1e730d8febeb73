"use client";

import { useEffect } from "react";

/** A page restored from the browser's back/forward cache may be stale: catch up when it shows again. */
export function useCatchUpOnPageShow(catchUp: () => Promise<unknown>) {
  useEffect(() => {
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) void catchUp();
    };
    window.addEventListener("pageshow", onPageShow);
    return () => window.removeEventListener("pageshow", onPageShow);
  }, [catchUp]);
}
