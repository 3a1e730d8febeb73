import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, statfsSync } from "node:fs";
import http from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createReply, createThread } from "./fixtures/forum";
import { startServer, stopServer, type AppServer } from "./fixtures/servers";
import { createUser, signInOverHttp } from "./fixtures/users";

// The process around the app: signals, a port already taken, shutdown under load. Each test runs
// its own production instance on an embedded database in a temporary folder.
const PORT = Number(process.env.E2E_PORT ?? 3210);
// PORT + 1 is the PostgreSQL project's server (playwright.config.ts); the fault tests use + 7 to + 9.
const ports = { disk: PORT + 3, npm: PORT + 4, taken: PORT + 5, load: PORT + 6 };
const embedded = (dataDir: string) => ({ DATA_DIR: dataDir, DATABASE_URL: "", SEED_ON_EMPTY: "false" });

test.describe.configure({ mode: "serial" });

function temporaryDataDir() {
  return mkdtempSync(path.join(tmpdir(), "propulse-process-"));
}

function exitOf(child: ChildProcess, timeoutMs: number): Promise<number | null | "still running"> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve("still running"), timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

const isUp = (port: number) =>
  fetch(`http://localhost:${port}/api/health`).then(
    (response) => response.ok,
    () => false,
  );

test("SIGTERM to `npm start` reaches the server: it shuts down and frees its port", async () => {
  test.setTimeout(150_000);
  const dataDir = temporaryDataDir();
  const npm = spawn("npm", ["start"], {
    env: { ...process.env, PORT: String(ports.npm), HOSTNAME: "localhost", ...embedded(dataDir) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  npm.stdout.on("data", (chunk) => output.push(String(chunk)));
  npm.stderr.on("data", (chunk) => output.push(String(chunk)));
  try {
    await expect.poll(() => isUp(ports.npm), { timeout: 120_000, intervals: [500] }).toBe(true);
    npm.kill("SIGTERM");
    expect(await exitOf(npm, 20_000)).toBe(0);
    expect(output.join("")).toContain("[start] SIGTERM: finishing in-flight requests");
    // Not an orphan still holding the port (the next start would hit EADDRINUSE).
    expect(await isUp(ports.npm)).toBe(false);
  } finally {
    npm.kill("SIGKILL");
    // Whatever still listens on this test's own port (an orphaned server before the fix).
    spawnSync("fuser", ["-k", `${ports.npm}/tcp`]);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("a port already in use stops the start at once with a clear message and a failure code", async () => {
  test.setTimeout(150_000);
  const squatter = createServer();
  await new Promise<void>((resolve) => squatter.listen(ports.taken, "localhost", resolve));
  const dataDir = temporaryDataDir();
  const child = spawn("node", ["--import", "tsx", "server.ts"], {
    env: { ...process.env, PORT: String(ports.taken), HOSTNAME: "localhost", ...embedded(dataDir) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout.on("data", (chunk) => output.push(String(chunk)));
  child.stderr.on("data", (chunk) => output.push(String(chunk)));
  try {
    expect(await exitOf(child, 120_000)).toBe(1);
    expect(output.join("")).toContain(`Could not listen: port localhost:${ports.taken} is already in use`);
  } finally {
    child.kill("SIGKILL");
    squatter.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/** A page every instance renders (a fresh one sends "/" to its setup wizard). */
const PAGE_UNDER_LOAD = "/confidentialite";

type LoadResult = {
  ok: number;
  /** Responses carrying `Connection: close`: the server was shutting down when it answered. */
  closing: number;
  /** Requests sent after a closing response had arrived, and still answered on a kept-alive socket. */
  keptAliveAfterClosing: number;
  cut: string[];
  refused: number;
};

/**
 * Ten keep-alive clients requesting pages back to back until the server stops listening. A
 * request on a reused socket that the server closed while idle is retried once, as HTTP allows
 * (and browsers and proxies do); any other failure but "connection refused" is a cut request.
 */
function runLoad(port: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 10 });
  const result: LoadResult = { ok: 0, closing: 0, keptAliveAfterClosing: 0, cut: [], refused: 0 };
  const once = (isRetry: boolean): Promise<"ok" | "refused" | "retry" | "cut"> =>
    new Promise((resolve) => {
      // The client cannot know when the server got the signal, only when it first said so.
      const wasShuttingDown = result.closing > 0;
      // A retry takes a fresh connection, as browsers do: another pooled socket may be closing too.
      const request = http.get(
        { host: "localhost", port, path: PAGE_UNDER_LOAD, agent: isRetry ? false : agent },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk) => chunks.push(chunk));
          response.on("error", (error) => {
            result.cut.push(`body: ${error.message}`);
            resolve("cut");
          });
          response.on("end", () => {
            if (response.statusCode !== 200 || !Buffer.concat(chunks).toString().includes("</html>")) {
              result.cut.push(`status ${response.statusCode}`);
              return resolve("cut");
            }
            result.ok++;
            if (response.headers.connection === "close") result.closing++;
            else if (wasShuttingDown) result.keptAliveAfterClosing++;
            resolve("ok");
          });
        },
      );
      request.on("error", (error: NodeJS.ErrnoException) => {
        if (error.code === "ECONNREFUSED") return resolve("refused");
        if (request.reusedSocket && !isRetry && error.code === "ECONNRESET") return resolve("retry");
        result.cut.push(`${error.code ?? ""} ${error.message}`);
        resolve("cut");
      });
    });
  const worker = async () => {
    for (;;) {
      let outcome = await once(false);
      if (outcome === "retry") outcome = await once(true);
      if (outcome === "refused") {
        result.refused++;
        return;
      }
      if (outcome === "cut") return;
    }
  };
  const done = Promise.all(Array.from({ length: 10 }, worker)).then(() => agent.destroy());
  return { result, done };
}

test("SIGTERM under keep-alive load: in-flight requests finish, connections close, exit 0", async () => {
  test.setTimeout(150_000);
  const dataDir = temporaryDataDir();
  const server = await startServer(ports.load, embedded(dataDir));
  try {
    const { result, done: load } = runLoad(ports.load);
    // Warm: every client has been served on its keep-alive socket.
    await expect.poll(() => result.ok, { timeout: 60_000 }).toBeGreaterThanOrEqual(40);
    const exited = exitOf(server.process, 30_000);
    const signalledAt = Date.now();
    server.process.kill("SIGTERM");
    const code = await exited;
    const shutdownMs = Date.now() - signalledAt;
    await load;
    console.info(
      `[shutdown] exit ${code} after ${shutdownMs} ms; ${result.ok} pages served, ${result.closing} with Connection: close, ` +
        `${result.keptAliveAfterClosing} kept alive after that, ${result.cut.length} cut ${result.cut.join("; ")}`,
    );
    expect(result.cut).toEqual([]);
    // Every client ended on a refused connection: nobody kept being served on an old socket.
    expect(result.refused).toBe(10);
    // Ten clients in a loop always have requests in flight at the signal: they are answered with
    // `Connection: close`, and nothing sent after that is served on a kept-alive socket.
    expect(result.closing).toBeGreaterThan(0);
    expect(result.keptAliveAfterClosing).toBe(0);
    expect(code).toBe(0);
  } finally {
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/** A small tmpfs of its own (the test runs as root), unmounted by the returned function. */
function mountSmallFilesystem(sizeMiB: number) {
  const mountPoint = mkdtempSync(path.join(tmpdir(), "propulse-disk-"));
  execFileSync("mount", ["-t", "tmpfs", "-o", `size=${sizeMiB}m`, "tmpfs", mountPoint]);
  const freeMiB = () => {
    const stats = statfsSync(mountPoint);
    return (stats.bavail * stats.bsize) / (1024 * 1024);
  };
  const unmount = () => {
    spawnSync("umount", ["-l", mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  };
  return { mountPoint, freeMiB, unmount };
}

test("a nearly full disk: writes answer 507, reads and health go on, writes resume once space is freed", async ({
  browser,
}) => {
  // Two starts of a production server: slow on a loaded machine.
  test.setTimeout(720_000);
  const disk = mountSmallFilesystem(200);
  const dataDir = path.join(disk.mountPoint, "data");
  const filler = path.join(disk.mountPoint, "filler");
  const env = { ...embedded(dataDir), DISK_MIN_FREE_MB: "40" };
  let server: AppServer | null = null;
  try {
    server = await startServer(ports.disk, env, { timeoutMs: 300_000 });
    const context = await browser.newContext({ baseURL: server.url });
    const user = await createUser(context.request);
    await signInOverHttp(context, user);
    const thread = await createThread(context.request);
    const acknowledged: string[] = [];
    const reply = async (text: string) => {
      const response = await createReply(context.request, thread.id, { text });
      if (response.status() === 201) acknowledged.push(text);
      return response;
    };
    for (let i = 1; i <= 10; i++) expect((await reply(`Avant ${i}`)).status()).toBe(201);

    // Something else fills the disk (logs, another program): 30 MB left, under the 40 MB threshold.
    execFileSync("fallocate", ["-l", `${Math.floor(disk.freeMiB() - 30)}m`, filler]);
    const health = async () => {
      const response = await context.request.get("/api/health");
      return { code: response.status(), ...(await response.json()) };
    };
    await expect.poll(async () => (await health()).status, { timeout: 10_000 }).toBe("degraded");
    expect(await health()).toMatchObject({ code: 200, db: "pglite", disk: { status: "low", minFreeMB: 40 } });
    expect((await health()).reason).toContain("free disk space under DATA_DIR below 40 MB");

    const refused = await reply("Pendant le manque de place");
    expect(refused.status()).toBe(507);
    expect(await refused.json()).toMatchObject({ error: "insufficient_storage" });
    // Reads go on: the thread and what was written before.
    const page = await context.newPage();
    await page.goto(thread.path);
    await expect(page.getByText("Avant 10")).toBeVisible();
    // The reply form (a server action) says why, in French, and keeps the text.
    await page.getByRole("textbox", { name: "Écrire une réponse…" }).click();
    await page.getByRole("textbox", { name: "Votre réponse" }).pressSequentially("Depuis le formulaire");
    await page.getByRole("button", { name: "Répondre", exact: true }).last().click();
    await expect(page.getByText("Le serveur manque d'espace disque")).toBeVisible();
    expect(server.output.join("")).toMatch(
      /\[disk\] free space under .* below DISK_MIN_FREE_MB \(40 MB\): refusing writes/,
    );

    rmSync(filler);
    await expect.poll(async () => (await reply("Après le ménage")).status(), { timeout: 10_000 }).toBe(201);
    expect(await health()).toMatchObject({ code: 200, status: "ok" });
    expect(server.output.join("")).toContain("accepting writes");
    await page.close();
    await context.close();

    // Shuts down cleanly, and every acknowledged reply is there after a restart.
    expect(await stopServer(server)).toBe(0);
    server = await startServer(ports.disk, env, { timeoutMs: 300_000 });
    const reread = await browser.newContext({ baseURL: server.url });
    await signInOverHttp(reread, user);
    const listed = await reread.request.get(`/api/v1/threads/${thread.id}/posts?after=0`);
    const texts = JSON.stringify(await listed.json());
    for (const text of acknowledged) expect(texts).toContain(text);
    expect(texts).not.toContain("Pendant le manque de place");
    await reread.close();
  } finally {
    if (server) await stopServer(server);
    disk.unmount();
  }
});
