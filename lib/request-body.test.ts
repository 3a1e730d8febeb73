import { describe, expect, it } from "vitest";
import { readBodyCapped } from "./request-body";

const MiB = 1024 * 1024;

/** A chunked request body of `totalBytes`, counting how much of it the server pulled. */
function streamingRequest(totalBytes: number, headers: Record<string, string> = {}) {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  const pulled = { bytes: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= totalBytes) return controller.close();
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const request = new Request("http://localhost/api", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, pulled };
}

describe("readBodyCapped", () => {
  it("stops reading an endless chunked body as soon as it passes the limit (413)", async () => {
    const { request, pulled } = streamingRequest(150 * MiB);
    await expect(readBodyCapped(request, 256 * 1024)).rejects.toMatchObject({ code: "payload_too_large", status: 413 });
    // What was pulled is the limit plus the chunk that crossed it (and the stream's read-ahead).
    expect(pulled.bytes).toBeLessThan(MiB);
  });

  it("refuses a declared Content-Length above the limit without reading anything", async () => {
    const { request, pulled } = streamingRequest(150 * MiB, { "content-length": String(25 * MiB) });
    await expect(readBodyCapped(request, 256 * 1024)).rejects.toMatchObject({ status: 413 });
    expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024);
  });

  it("reads a body a little over the limit to its end when asked to drain, keeps none of the excess, then refuses it", async () => {
    const { request, pulled } = streamingRequest(2 * MiB);
    await expect(readBodyCapped(request, MiB, { drainUpTo: 4 * MiB })).rejects.toMatchObject({ status: 413 });
    expect(pulled.bytes).toBe(2 * MiB);
    const endless = streamingRequest(150 * MiB);
    await expect(readBodyCapped(endless.request, MiB, { drainUpTo: 4 * MiB })).rejects.toMatchObject({ status: 413 });
    expect(endless.pulled.bytes).toBeLessThan(5 * MiB);
  });

  it("gives back a body within the limit byte for byte", async () => {
    const body = new TextEncoder().encode(JSON.stringify({ title: "Bonjour", body: "é".repeat(1000) }));
    const read = await readBodyCapped(new Request("http://localhost/api", { method: "POST", body }), 256 * 1024);
    expect(new TextDecoder().decode(read)).toBe(new TextDecoder().decode(body));
  });
});
