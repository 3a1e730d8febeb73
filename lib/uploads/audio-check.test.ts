import { describe, expect, it } from "vitest";
import { checkAudio } from "./audio-check";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "latin1") : Buffer.from(part)))),
  );

const webm = bytes(
  [0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84],
  "webm",
  [0x42, 0x87, 0x81, 0x04],
  "rest of the stream",
);
const ogg = bytes(
  "OggS",
  [0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 0, 0, 0, 0, 9, 9, 9, 9, 1, 19],
  "OpusHead",
  [1, 1, 56, 1],
);
const mp4 = bytes([0, 0, 0, 0x18], "ftypM4A ", [0, 0, 0, 0], "M4A isom", "moov....");
const limit = { maxBytes: 1024 };

describe("checkAudio", () => {
  it("recognises WebM, Ogg and MP4 recordings by their content", () => {
    expect(checkAudio(webm, limit)).toEqual({ ok: true, contentType: "audio/webm", extension: "webm" });
    expect(checkAudio(ogg, limit)).toEqual({ ok: true, contentType: "audio/ogg", extension: "ogg" });
    expect(checkAudio(mp4, limit)).toEqual({ ok: true, contentType: "audio/mp4", extension: "m4a" });
  });

  it("refuses empty and oversized files", () => {
    expect(checkAudio(new Uint8Array(), limit)).toEqual({ ok: false, reason: "empty" });
    expect(checkAudio(new Uint8Array(2048).fill(1), limit)).toEqual({ ok: false, reason: "tooLarge" });
  });

  it("refuses other formats, whatever their name would say", () => {
    expect(checkAudio(bytes("%PDF-1.7\n%âãÏÓ\n1 0 obj"), limit)).toMatchObject({ reason: "notAudio" });
    expect(checkAudio(bytes("<html><script>alert(1)</script></html>"), limit)).toMatchObject({ reason: "notAudio" });
    expect(checkAudio(bytes([0x89], "PNG\r\n\x1a\n0000IHDR"), limit)).toMatchObject({ reason: "notAudio" });
    expect(checkAudio(bytes("ID3\x04\x00\x00\x00\x00\x00\x00mp3 frames"), limit)).toMatchObject({ reason: "notAudio" });
  });

  it("refuses look-alikes: Matroska that is not WebM, Ogg without an audio codec, MP4 with a foreign brand", () => {
    expect(
      checkAudio(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88], "matroska", "........"), limit),
    ).toMatchObject({ reason: "notAudio" });
    expect(checkAudio(bytes("OggS", new Array(24).fill(0), "\x80theora", "........"), limit)).toMatchObject({
      reason: "notAudio",
    });
    expect(checkAudio(bytes([0, 0, 0, 0x18], "ftypqt  ", "........"), limit)).toMatchObject({ reason: "notAudio" });
  });
});
