import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { isBuildFresh } from "./build-freshness";

function project() {
  const root = mkdtempSync(path.join(tmpdir(), "propulse-freshness-"));
  mkdirSync(path.join(root, "lib/feature"), { recursive: true });
  mkdirSync(path.join(root, ".next"));
  const write = (file: string, at: number) => {
    writeFileSync(path.join(root, file), "x");
    utimesSync(path.join(root, file), at / 1000, at / 1000);
  };
  return { root, write };
}

it("asks for a build when there is none or a source file changed since, not for a new test file", () => {
  const { root, write } = project();
  const now = Date.now();
  write("lib/feature/service.ts", now - 60_000);
  expect(isBuildFresh(root)).toBe(false);
  write(".next/BUILD_ID", now - 30_000);
  expect(isBuildFresh(root)).toBe(true);
  // A test added to the folder (which changes the folder's own time) is not part of the build.
  write("lib/feature/service.test.ts", now);
  expect(isBuildFresh(root)).toBe(true);
  write("lib/feature/service.ts", now);
  expect(isBuildFresh(root)).toBe(false);
});

it("counts the compiled server as part of the build when asked (npm start runs it)", () => {
  const { root, write } = project();
  const now = Date.now();
  write("server.ts", now - 60_000);
  write(".next/BUILD_ID", now - 30_000);
  expect(isBuildFresh(root)).toBe(true);
  expect(isBuildFresh(root, { compiledServer: true })).toBe(false);
  mkdirSync(path.join(root, ".next/node"));
  write(".next/node/server.mjs", now - 20_000);
  expect(isBuildFresh(root, { compiledServer: true })).toBe(true);
  write("server.ts", now);
  expect(isBuildFresh(root, { compiledServer: true })).toBe(false);
});
