// What the page's test and scripts/screenshot.sh share: a `silk serve` on a free loopback
// port over a new store holding the shipped graph, and Debian's chromium to look at it.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

// Debian's package puts it here; SILK_CHROMIUM names another.
const kChromium = process.env.SILK_CHROMIUM || "/usr/bin/chromium";

// Runs silk to its end; throws with its stderr when it fails.
export function runSilk(silk, args) {
  const run = spawnSync(silk, args, { encoding: "utf8" });
  if (run.status !== 0) {
    throw new Error(`silk ${args.join(" ")} exited with ${run.status}: ${run.stderr}`);
  }
  return run.stdout;
}

// A new store in a temporary folder with the shipped graph, served until stop() is called.
// Resolves to { url, db, stop } (stop resolves once the server has ended and the store is gone).
export async function serveShippedGraph(silk, sourceDir) {
  const folder = mkdtempSync(join(tmpdir(), "silk-web-"));
  const db = join(folder, "db");
  runSilk(silk, ["--db", db, "load", join(sourceDir, "datasets", "korea-central-asia.trig")]);
  const server = spawn(silk, ["--db", db, "serve", "--bind", "127.0.0.1:0"],
                       { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  server.stderr.on("data", (chunk) => { stderr += chunk; });
  const url = await new Promise((resolve, reject) => {
    let stdout = "";
    server.stdout.on("data", (chunk) => {
      stdout += chunk;
      const match = stdout.match(/ at (http:\/\/\S+)\/sparql /);
      if (match) resolve(match[1]);
    });
    server.on("exit", (code) => reject(new Error(`silk serve exited with ${code}: ${stderr}`)));
  });
  const exited = new Promise((resolve) => server.on("exit", resolve));
  const stop = async () => {
    server.kill("SIGTERM");
    await exited;
    rmSync(folder, { recursive: true, force: true });
  };
  return { url, db, stop };
}

// Headless chromium; a missing browser is an error that says how to install it, never a skip.
export async function launchChromium() {
  if (!existsSync(kChromium)) {
    throw new Error(`no chromium at ${kChromium}: install Debian's chromium package ` +
                    "(scripts/dev.sh does), or name one in SILK_CHROMIUM");
  }
  // --no-sandbox: the tests may run as root, where chromium refuses its sandbox.
  return chromium.launch({ executablePath: kChromium, headless: true, args: ["--no-sandbox"] });
}
