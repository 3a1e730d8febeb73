import { describe, expect, it } from "vitest";
import type { PostView } from "@/lib/forum/views";
import { applyCatchUpPage, catchUpFrom, type CatchUpPage } from "./catch-up";
import type { ThreadState } from "./thread-state";

const post = (number: number, replyToId: number | null = null) =>
  ({ id: number, number, replyToId, reactions: [], attachments: [] }) as unknown as PostView;

/** A thread of `count` posts served like the API: 200 at a time after a number. */
function server(count: number) {
  const posts = Array.from({ length: count }, (_, index) => post(index + 1, index % 10 === 9 ? 2 : null));
  const requests: number[] = [];
  const fetchPage = async (after: number): Promise<CatchUpPage> => {
    requests.push(after);
    const rest = posts.filter((candidate) => candidate.number > after);
    return { posts: rest.slice(0, 200), hasMore: rest.length > 200 };
  };
  return { fetchPage, requests };
}

const openedAt = (maxNumber: number): ThreadState => ({
  opening: post(1),
  replies: Array.from({ length: maxNumber - 1 }, (_, index) => ({ post: post(index + 2), children: [] })),
  hasMore: false,
  lastNumber: maxNumber,
  hasEarlier: false,
  replyCount: maxNumber - 1,
  maxNumber,
});

describe("catch-up after a disconnection", () => {
  it("pages past 200 missed replies until it reaches the last one", async () => {
    const { fetchPage, requests } = server(232);
    let state = openedAt(2);
    const isDone = await catchUpFrom(state.maxNumber, fetchPage, (page, isFirst) => {
      state = applyCatchUpPage(state, page, isFirst);
    });
    expect(isDone).toBe(true);
    expect(requests).toEqual([2, 202]);
    expect(state.maxNumber).toBe(232);
    // Beyond one page: a jump to the first missed reply instead of 230 posts inserted at once.
    expect(state.hasMore).toBe(true);
    expect(state.replies).toHaveLength(1);
    expect(state.firstUnseenNumber).toBe(3);
    // Every missed top-level reply is counted; answers to the reply on screen are inserted.
    const answers = state.replies[0]!.children.map((child) => child.number);
    expect(answers).toEqual([
      10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200, 210, 220, 230,
    ]);
    expect(state.unseenCount).toBe(230 - answers.length);
  });

  it("inserts a few missed replies in place, in one request", async () => {
    const { fetchPage, requests } = server(25);
    let state = openedAt(2);
    await catchUpFrom(state.maxNumber, fetchPage, (page, isFirst) => {
      state = applyCatchUpPage(state, page, isFirst);
    });
    expect(requests).toEqual([2]);
    expect(state.hasMore).toBe(false);
    expect(state.maxNumber).toBe(25);
    expect(state.unseenCount).toBeUndefined();
    expect(state.replies.map((entry) => entry.post.number)).toEqual(
      Array.from({ length: 25 }, (_, index) => index + 1).filter((n) => n > 1 && n % 10 !== 0),
    );
  });

  it("stops at a failed request, keeping what it applied", async () => {
    const { fetchPage } = server(450);
    let calls = 0;
    let state = openedAt(2);
    const isDone = await catchUpFrom(
      2,
      async (after) => (++calls === 2 ? null : fetchPage(after)),
      (page, isFirst) => {
        state = applyCatchUpPage(state, page, isFirst);
      },
    );
    expect(isDone).toBe(false);
    expect(state.maxNumber).toBe(202);
  });
});
