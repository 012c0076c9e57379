import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { checkJava, JavaMissingError, PortTakenError } from "./dynamo-local.ts";
import { dataDirFrom, repoRoot, webDist } from "./paths.ts";
import { startPlatform } from "./server.ts";

/**
 * `npm start`: the whole platform on this machine. Options:
 *   --in-memory   keep DynamoDB Local's data in memory (gone on exit)
 *   --rebuild     build the site even if web/dist exists
 * Environment: PORT (default 3000), HOST (default 127.0.0.1), DYNAMODB_PORT (default 8000),
 * DATA_DIR (where DynamoDB Local keeps its data; default .data/dynamodb/). A second run needs
 * its own DYNAMODB_PORT and DATA_DIR: two DynamoDB Locals cannot share either.
 */

const { values } = parseArgs({
  options: { "in-memory": { type: "boolean", default: false }, rebuild: { type: "boolean", default: false } },
});

try {
  checkJava();
} catch (error) {
  if (error instanceof JavaMissingError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

if (values.rebuild || !existsSync(join(webDist, "index.html"))) {
  console.log("Building the site (web/dist) …");
  const build = spawnSync("npm", ["run", "build", "-w", "web"], { cwd: repoRoot, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const platform = await startPlatform({
  port: Number(process.env.PORT ?? 3000),
  hostname: process.env.HOST ?? "127.0.0.1",
  dynamoPort: Number(process.env.DYNAMODB_PORT ?? 8000),
  dataDir: values["in-memory"] ? null : dataDirFrom(),
}).catch((error: unknown) => {
  if (!(error instanceof PortTakenError)) throw error;
  console.error(error.message);
  process.exit(1);
});
console.log(`Nærhed is running at http://localhost:${platform.port} (DynamoDB Local at ${platform.dynamo.endpoint}). Press Ctrl-C to stop.`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the server and DynamoDB Local …`);
  await platform.stop();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGHUP", () => void stop("SIGHUP"));
