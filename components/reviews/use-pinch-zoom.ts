"use client";

import { useRef, type PointerEvent } from "react";

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 3;
export const clampZoom = (zoom: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(zoom * 100) / 100));

type Point = { x: number; y: number };
const distance = (points: Point[]) => Math.hypot(points[0]!.x - points[1]!.x, points[0]!.y - points[1]!.y);

/**
 * Two fingers on the pages change the zoom (the browser's own pinch would zoom the whole site,
 * so the pages area lets it pan only: `touch-action: pan-x pan-y`). One finger still scrolls.
 */
export function usePinchZoom(zoom: number, setZoom: (zoom: number) => void) {
  const touches = useRef(new Map<number, Point>());
  const start = useRef<{ distance: number; zoom: number } | null>(null);

  const forget = (event: PointerEvent<HTMLElement>) => {
    touches.current.delete(event.pointerId);
    if (touches.current.size < 2) start.current = null;
  };

  return {
    onPointerDown(event: PointerEvent<HTMLElement>) {
      if (event.pointerType !== "touch") return;
      touches.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (touches.current.size === 2) start.current = { distance: distance([...touches.current.values()]), zoom };
    },
    onPointerMove(event: PointerEvent<HTMLElement>) {
      if (!touches.current.has(event.pointerId)) return;
      touches.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
      const from = start.current;
      if (!from || touches.current.size !== 2 || from.distance === 0) return;
      setZoom(clampZoom((from.zoom * distance([...touches.current.values()])) / from.distance));
    },
    onPointerUp: forget,
    onPointerCancel: forget,
  };
}
