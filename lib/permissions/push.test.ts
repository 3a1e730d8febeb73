import { describe, expect, it } from "vitest";
import type { Actor } from "./index";
import { canSubscribeToPush } from "./push";

describe("canSubscribeToPush", () => {
  it("lets active accounts of every role subscribe, and no visitor, pending or suspended account", () => {
    const actors: Actor[] = [
      null,
      { id: "a", role: "member", status: "active" },
      { id: "b", role: "pro", status: "active" },
      { id: "c", role: "admin", status: "active" },
      { id: "d", role: "member", status: "pending" },
      { id: "e", role: "member", status: "suspended" },
    ];
    expect(actors.map(canSubscribeToPush)).toEqual([false, true, true, true, false, false]);
  });
});
