import { describe, expect, it } from "vitest";
import { checkImage } from "./image-check";

const bytes = (text: string) => new TextEncoder().encode(text);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe("checkImage", () => {
  it("recognises PNG, JPEG and WebP by their bytes", () => {
    expect(checkImage(PNG)).toEqual({ ok: true, contentType: "image/png" });
    expect(checkImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ ok: true, contentType: "image/jpeg" });
    expect(checkImage(bytes("RIFF\x00\x00\x00\x00WEBPVP8 "))).toEqual({ ok: true, contentType: "image/webp" });
  });

  it("refuses SVG (even named .png), HTML, empty and oversized files", () => {
    expect(checkImage(bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toEqual({
      ok: false,
      reason: "notImage",
    });
    expect(checkImage(bytes("<?xml version='1.0'?><svg/>"))).toMatchObject({ ok: false, reason: "notImage" });
    expect(checkImage(bytes("<html><body>hi</body></html>"))).toMatchObject({ ok: false, reason: "notImage" });
    expect(checkImage(new Uint8Array())).toMatchObject({ ok: false, reason: "empty" });
    const big = new Uint8Array(600 * 1024);
    big.set(PNG);
    expect(checkImage(big)).toMatchObject({ ok: false, reason: "tooLarge" });
  });
});
