import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { freePort } from "../src/dynamo-local.ts";
import { repoRoot } from "../src/paths.ts";

/** `npm start` as a person runs it: the real entry point in its own process. */

const entry = ["--import", "tsx", "packages/local/src/start.ts"];

function javaProcessesOnPort(port: number): string[] {
  return execFileSync("ps", ["-eo", "args"], { encoding: "utf8" })
    .split("\n")
    .filter((line) => line.includes("DynamoDBLocal.jar") && line.includes(`-port ${port}`));
}

describe("npm start", () => {
  it("says in one sentence how to install Java when it is missing, and exits non-zero", () => {
    // A PATH with node on it and nothing else, so `java` cannot be found.
    const bin = mkdtempSync(join(tmpdir(), "naerhed-nojava-"));
    symlinkSync(process.execPath, join(bin, "node"));
    let status = 0;
    let stderr = "";
    try {
      execFileSync(process.execPath, entry, {
        cwd: repoRoot,
        env: { PATH: bin, HOME: process.env.HOME },
        encoding: "utf8",
        stdio: "pipe",
      });
    } catch (error) {
      ({ status, stderr } = error as { status: number; stderr: string });
    }
    expect(status).toBe(1);
    expect(stderr.trim()).toMatch(/^Nærhed needs Java 17 or newer.*apt-get install -y default-jre-headless.*\.$/);
  });

  it("serves the site and real offers on PORT, and Ctrl-C stops everything, Java included", async () => {
    const [port, dynamoPort] = [await freePort(), await freePort()];
    const child = spawn(process.execPath, [...entry, "--in-memory"], {
      cwd: repoRoot,
      env: { ...process.env, PORT: String(port), DYNAMODB_PORT: String(dynamoPort) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    try {
      const deadline = Date.now() + 90_000;
      while (!output.includes("is running at") && Date.now() < deadline && child.exitCode === null) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(output).toContain(`http://localhost:${port}`);

      const offers = (await (await fetch(`http://127.0.0.1:${port}/api/directory/offers`)).json()) as { items: unknown[] };
      expect(offers.items.length).toBeGreaterThan(0);
      const page = await fetch(`http://127.0.0.1:${port}/tilbud`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root"');
      expect(javaProcessesOnPort(dynamoPort)).toHaveLength(1);
    } finally {
      child.kill("SIGINT");
      if (child.exitCode === null) await once(child, "exit");
    }
    expect(child.exitCode).toBe(0);
    expect(javaProcessesOnPort(dynamoPort)).toEqual([]);
  }, 120_000);
});
