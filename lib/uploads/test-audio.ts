import "server-only";
/**
 * The start of a WebM recording as MediaRecorder writes it (EBML header, doc type "webm"):
 * enough for the content check, for tests of services that take a recording.
 */
export function makeWebm(): Uint8Array {
  return new Uint8Array([
    0x1a,
    0x45,
    0xdf,
    0xa3,
    0x9f,
    0x42,
    0x86,
    0x81,
    0x01,
    0x42,
    0x82,
    0x84,
    ...Buffer.from("webm"),
    0x42,
    0x87,
    0x81,
    0x04,
    0,
    0,
    0,
    0,
  ]);
}
