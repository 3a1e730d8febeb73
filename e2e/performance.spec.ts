import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { createReply, createThread } from "./fixtures/forum";
import { expect, test } from "./fixtures/test";

/**
 * Budgets set from measurements of the production build (README, "Performance"): sizes and
 * counts, not timings, so deterministic for a given build. About 160 KiB of each first load is
 * the React 19 + Next.js 16 runtime itself; the rest is ours.
 */
export const BUDGETS = {
  // 200 until the bell and the follow control (about 1.8 KiB gzip; the bell's panel loads on its
  // first click) and the header's search combobox (1.6 KiB). The page-speed work (cache
  // components, a smaller shell, the combobox loaded on focus) is to bring it back down.
  // 209 since the reply box works before hydration (its textarea hands over to the editor), the
  // reaction icons drawn as SVG and the account menu that closes itself (207.9 measured).
  readerThreadFirstLoadKiB: 209,
  homeFirstLoadKiB: 195,
  maxQueriesPerPage: 10,
};

const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
// prosemirror-view's own CSS class: present in the editor chunk only.
const EDITOR_SIGNATURE = "ProseMirror-hideselection";

function gzipSizeOf(scriptPath: string): { bytes: number; isEditor: boolean } {
  const file = path.join(DIST_DIR, scriptPath.replace(/^\/_next\//, "").split("?")[0]!);
  const content = readFileSync(file);
  return { bytes: gzipSync(content).length, isEditor: content.includes(EDITOR_SIGNATURE) };
}

/** The scripts a page's HTML makes the browser download before it is interactive. */
async function firstLoadScripts(page: Page, url: string): Promise<string[]> {
  const html = await (await page.request.get(url)).text();
  return [...new Set([...html.matchAll(/<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/g)].map((match) => match[1]!))];
}

async function countQueries(request: APIRequestContext, url: string): Promise<number> {
  // Warm first: a process cache refilled by whichever request comes first (the community's
  // identity, the channel list) must not count against one page more than another.
  expect((await request.get(url)).status(), url).toBe(200);
  const id = randomUUID();
  const response = await request.get(url, { headers: { "x-test-request-id": id } });
  expect(response.status(), url).toBe(200);
  await response.text();
  return (await (await request.get(`/api/test/query-count?id=${id}`)).json()).count;
}

test("a reader's thread page and the home page stay within their JavaScript budgets, without the editor", async ({
  context,
  memberPage: page,
}) => {
  const thread = await createThread(context.request);
  const sizes: Record<string, number> = {};
  for (const [name, url] of [
    ["thread", thread.path],
    ["home", "/"],
  ] as const) {
    const scripts = await firstLoadScripts(page, url);
    expect(scripts.length, name).toBeGreaterThan(0);
    const measured = scripts.map(gzipSizeOf);
    expect(
      measured.filter((script) => script.isEditor),
      `${name} ships editor code`,
    ).toEqual([]);
    sizes[name] = measured.reduce((total, script) => total + script.bytes, 0) / 1024;
  }
  console.info(`first-load JS (gzip): thread ${sizes.thread!.toFixed(1)} KiB, home ${sizes.home!.toFixed(1)} KiB`);
  expect(sizes.thread).toBeLessThanOrEqual(BUDGETS.readerThreadFirstLoadKiB);
  expect(sizes.home).toBeLessThanOrEqual(BUDGETS.homeFirstLoadKiB);

  // The editor arrives only when the reader starts writing.
  const loaded: string[] = [];
  page.on("response", (response) => {
    if (response.url().includes("/_next/static/") && response.url().endsWith(".js"))
      loaded.push(new URL(response.url()).pathname);
  });
  await page.goto(thread.path);
  await expect(page.getByRole("textbox", { name: "Écrire une réponse…" })).toBeVisible();
  const beforeWriting = new Set(loaded);
  expect([...beforeWriting].map(gzipSizeOf).some((script) => script.isEditor)).toBe(false);
  await page.getByRole("textbox", { name: "Écrire une réponse…" }).click();
  await expect(page.getByRole("textbox", { name: "Votre réponse" })).toBeVisible();
  const editorChunks = loaded.filter((script) => !beforeWriting.has(script)).map(gzipSizeOf);
  expect(editorChunks.some((script) => script.isEditor)).toBe(true);
  console.info(
    `editor chunk(s) (gzip): ${(editorChunks.reduce((total, script) => total + script.bytes, 0) / 1024).toFixed(1)} KiB`,
  );
});

test("thread, channel and home pages issue the same number of queries whatever their size", async ({
  memberContext: context,
}) => {
  const small = await createThread(context.request, { channel: "programme" });
  await createReply(context.request, small.id, { text: "Une seule réponse" });
  const large = await createThread(context.request, { channel: "programme" });
  let previous: number | undefined;
  for (let i = 0; i < 60; i++) {
    const response = await createReply(context.request, large.id, {
      text: `Réponse ${i}`,
      replyToId: i % 3 === 2 ? previous : undefined,
    });
    previous = (await response.json()).post.id;
  }
  const smallCount = await countQueries(context.request, small.path);
  const largeCount = await countQueries(context.request, large.path);
  expect(largeCount).toBe(smallCount);
  expect(largeCount).toBeLessThanOrEqual(BUDGETS.maxQueriesPerPage);

  const channelBefore = await countQueries(context.request, "/c/programme");
  for (let i = 0; i < 35; i++) await createThread(context.request, { channel: "programme" });
  expect(await countQueries(context.request, "/c/programme")).toBe(channelBefore);
  expect(channelBefore).toBeLessThanOrEqual(BUDGETS.maxQueriesPerPage);

  const home = await countQueries(context.request, "/");
  expect(home).toBeLessThanOrEqual(BUDGETS.maxQueriesPerPage);
  console.info(`queries per page: thread ${largeCount}, channel ${channelBefore}, home ${home}`);
});
