import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { uploadRoute } from "./route";
import { UPLOAD_HEADER } from "./request";

// Messages need a request scope in Next; here a key stands for its text.
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ UPLOAD_MAX_BYTES: 5 * 1024 * 1024 }) }));
const session = vi.hoisted(() => ({ user: null as null | { id: string } }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

const schema = z.object({ threadId: z.coerce.number().int().positive(), text: z.string().optional() });

function post(form: FormData, headers: Record<string, string> = { [UPLOAD_HEADER]: "1" }) {
  return new Request("http://localhost/api/v1/upload", { method: "POST", body: form, headers });
}
/** A chunked multipart body that never ends, counting what the route pulled. */
function endlessMultipart() {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  const pulled = { bytes: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const headers = { [UPLOAD_HEADER]: "1", "content-type": "multipart/form-data; boundary=x" };
  const init = { method: "POST", body, headers, duplex: "half" };
  return { request: new Request("http://localhost/api/v1/upload", init as RequestInit), pulled };
}
const params = (threadId = "7") => ({ params: Promise.resolve({ threadId }) });

function routeThrowing(error: unknown) {
  return uploadRoute({ schema, fields: ["text"] }, async () => {
    throw error;
  });
}

describe("uploadRoute", () => {
  beforeEach(() => {
    session.user = { id: "member" };
  });

  it("hands the parsed fields, route params, file and member to the handler", async () => {
    const route = uploadRoute({ schema, fields: ["text"] }, async (input, { user, file }) => ({
      status: 201,
      body: { input, userId: user.id, fileName: file?.name, size: file?.bytes.byteLength },
    }));
    const form = new FormData();
    form.set("text", "Bonjour");
    form.set("file", new File([new Uint8Array([1, 2, 3])], "cv.pdf"));
    const response = await route(post(form), params());
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      input: { threadId: 7, text: "Bonjour" },
      userId: "member",
      fileName: "cv.pdf",
      size: 3,
    });
  });

  it("refuses an upload sent by another site or not as multipart/form-data", async () => {
    const route = routeThrowing(new Error("not reached"));
    const evil = await route(post(new FormData(), { [UPLOAD_HEADER]: "1", origin: "https://evil.example" }), params());
    expect(evil.status).toBe(403);
    const crossSite = await route(
      post(new FormData(), { [UPLOAD_HEADER]: "1", "sec-fetch-site": "cross-site" }),
      params(),
    );
    expect(crossSite.status).toBe(403);
    const asText = new Request("http://localhost/api/v1/upload", {
      method: "POST",
      body: "file=cv.pdf",
      headers: { [UPLOAD_HEADER]: "1", "content-type": "text/plain; x=multipart/form-data" },
    });
    expect((await route(asText, params())).status).toBe(403);
  });

  it("refuses uploads without our header before anything else", async () => {
    const response = await routeThrowing(new Error("not reached"))(post(new FormData(), {}), params());
    expect(response.status).toBe(403);
  });

  it("requires a member before reading the body, then answers invalid input with field errors", async () => {
    const invalid = await routeThrowing(new Error("not reached"))(post(new FormData()), params("x"));
    expect(invalid.status).toBe(400);
    expect(Object.keys((await invalid.json()).fields)).toEqual(["threadId"]);
    session.user = null;
    const anonymous = await routeThrowing(new Error("not reached"))(post(new FormData()), params("x"));
    expect(anonymous.status).toBe(401);
    // An anonymous endless body is answered without the route reading it.
    const { request, pulled } = endlessMultipart();
    expect((await routeThrowing(new Error("not reached"))(request, params())).status).toBe(401);
    expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024); // the stream's own read-ahead only
  });

  it("refuses a streamed body over the upload limit with 413 as an error of the file field", async () => {
    const { request, pulled } = endlessMultipart();
    const response = await routeThrowing(new Error("not reached"))(request, params());
    expect(response.status).toBe(413);
    expect((await response.json()).fields).toEqual({ file: ["review.refusedTooLarge"] });
    // Read (and discarded) up to a few times the limit, never the whole stream.
    expect(pulled.bytes).toBeLessThan(30 * 1024 * 1024);
  });

  it("answers an error tagged with a field as that field's error", async () => {
    const error = new AppError("bad_request", "review.pitch.audioRequired", { field: "file" });
    const response = await routeThrowing(error)(post(new FormData()), params());
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "bad_request",
      message: "review.pitch.audioRequired",
      fields: { file: ["review.pitch.audioRequired"] },
    });
  });

  it("answers an error without a field as a plain error, whatever its message key", async () => {
    const response = await routeThrowing(new AppError("bad_request", "review.refusedNotPdf"))(
      post(new FormData()),
      params(),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).fields).toBeUndefined();
  });

  it("answers other errors like jsonRoute, without fields", async () => {
    const response = await routeThrowing(new AppError("not_found"))(post(new FormData()), params());
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "not_found", message: "errors.not_found" });
  });
});
