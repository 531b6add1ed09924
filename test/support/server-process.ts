import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * The node arguments `npm start` runs the server with (package.json): the heap-growth flag there is part of
 * what an operator runs (docs/operations.md).
 */
function startArguments(): string[] {
  const scripts = JSON.parse(fs.readFileSync("package.json", "utf8")).scripts as Record<string, string>;
  const command = scripts.start
    .split("&&")
    .map((part) => part.trim().split(/\s+/))
    .find((words) => words[0] === "node" && words.includes("server/main.ts"));
  if (!command) throw new Error("package.json's start script does not run node … server/main.ts");
  return command.slice(1);
}

/**
 * Runs the server as a real process with `npm start`'s node arguments, as an operator would, and waits for
 * /healthz. The child is the server itself (its /proc entry is the server's).
 */
export async function spawnServer(env: Record<string, string>, timeoutMs = 120_000): Promise<ServerProcess> {
  const port = await freePort();
  let log = "";
  const child = spawn(process.execPath, startArguments(), {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", ENVGRID_WEB_DIST: "/nonexistent", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.on("data", (chunk) => {
    log += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    log += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start in time:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    output: () => log,
    kill: (signal) =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        // the server and tsx's esbuild helper: signal the whole process group so nothing survives.
        process.kill(-(child.pid as number), signal);
      }),
  };
}

export async function loginCookie(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get("set-cookie") ?? "";
  return cookie.split(";")[0];
}
