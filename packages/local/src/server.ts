import { existsSync } from "node:fs";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Hono } from "hono";
import { compress } from "hono/compress";
import { secureHeaders } from "hono/secure-headers";
import { createIdentityStore } from "@naerhed/core/identity/store";
import type { Config } from "@naerhed/core/shared/config";
import { createDocumentClient } from "@naerhed/core/shared/dynamo";
import { identityTable, tables } from "@naerhed/core/shared/tables";
import { logger } from "@naerhed/functions/shared/log";
import { createMissingTables } from "./bootstrap.ts";
import { localConfig } from "./config.ts";
import { loadDemoData } from "./demo-data.ts";
import { filesDirBeside } from "./file-folder.ts";
import { createGateway } from "./gateway.ts";
import { startJobs } from "./jobs.ts";
import { startLocalModules, type LocalModules } from "./lambda-runner.ts";
import { outboxPage } from "./outbox-page.ts";
import { freePort, startDynamoLocal, type DynamoLocal } from "./dynamo-local.ts";
import { webDist } from "./paths.ts";

/** The whole platform on one machine: DynamoDB Local, every module's own Lambda handler under /api, and the built site. */

/** /api/* through each module's Lambda handler (gateway.ts), plus the site with a fallback to index.html for client-side routes. */
export function createLocalApp(config: Config, modules: Pick<LocalModules, "invokeHttp" | "originVerifySecret" | "bus">, siteRoot = webDist): Hono {
  const app = new Hono();
  app.use(compress());
  app.route("/", createGateway(modules));
  const outbox = createIdentityStore(createDocumentClient(config), config.tableNames[identityTable.id]!);
  // Events a module's handler failed on every retry (on AWS: its dead-letter queue), for whoever runs the platform.
  app.get("/dev/dead-letters", (c) => {
    c.header("cache-control", "no-store");
    return c.json({ items: modules.bus.deadLetters });
  });
  app.get("/dev/outbox", async (c) => {
    c.header("cache-control", "no-store");
    return c.html(outboxPage(await outbox.listMail(50)));
  });
  // The same headers CloudFront adds to the site on AWS.
  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
      referrerPolicy: "strict-origin-when-cross-origin",
    }),
  );
  app.use(
    "/assets/*",
    serveStatic({
      root: siteRoot,
      // File names carry a content hash, so they never change.
      onFound: (_path, c) => c.header("cache-control", "public, max-age=31536000, immutable"),
    }),
  );
  app.use("*", serveStatic({ root: siteRoot, onFound: (_path, c) => c.header("cache-control", "no-cache") }));
  const index = join(siteRoot, "index.html");
  app.get("*", async (c, next) => {
    // Paths with a file extension are files; a missing one is a 404, not the site.
    if (/\.[a-z0-9]+$/i.test(c.req.path)) return next();
    if (!existsSync(index)) return c.text("The site is not built. Run: npm run build:web", 503);
    c.header("cache-control", "no-cache");
    return serveStatic({ path: index })(c, next);
  });
  return app;
}

/** Serves `app` over TCP, as `npm start` does; resolves once it listens. `close` ends it and its open connections. */
export async function listen(app: Hono, port: number, hostname = "127.0.0.1") {
  const server = serve({ fetch: app.fetch, port, hostname });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

export type PlatformOptions = {
  /** HTTP port; 0 picks a free one. */
  port?: number;
  hostname?: string;
  /** Where DynamoDB Local keeps data; null keeps it in memory. */
  dataDir?: string | null;
  /** Port for DynamoDB Local; a free one when unset. */
  dynamoPort?: number;
  /**
   * A DynamoDB Local that is already running (another platform's), to use instead of starting
   * one: this platform then needs its own `tablePrefix`, and leaves it running when it stops.
   */
  dynamoEndpoint?: string;
  tablePrefix?: string;
  seedDemo?: boolean;
  /** No start-up lines and no line per request (tests); warnings and errors are still logged. */
  quiet?: boolean;
  /** The host name links in mails use (default localhost); the browser tests use 127.0.0.1, as they browse. */
  siteHost?: string;
};

export type Platform = { url: string; port: number; dynamo: DynamoLocal; config: Config; modules: LocalModules; stop: () => Promise<void> };

/** Another platform's DynamoDB Local: used, never stopped or frozen by this one. */
function borrowed(endpoint: string): DynamoLocal {
  const notOurs = () => {
    throw new Error(`DynamoDB Local at ${endpoint} belongs to another platform`);
  };
  return { endpoint, port: Number(new URL(endpoint).port), stop: async () => {}, freeze: notOurs, thaw: notOurs };
}

export async function startPlatform(options: PlatformOptions = {}): Promise<Platform> {
  const say = options.quiet ? () => {} : (line: string) => console.log(line);
  if (options.quiet) logger.setLogLevel("WARN");
  const dynamo = options.dynamoEndpoint ? borrowed(options.dynamoEndpoint) : await startDynamoLocal({ port: options.dynamoPort, dataDir: options.dataDir ?? null });
  try {
    // The port is known before the server starts, so links in mails point at this very server.
    const port = options.port === 0 ? await freePort() : (options.port ?? 3000);
    const config = localConfig(dynamo.endpoint, options.tablePrefix, `http://${options.siteHost ?? "localhost"}:${port}`);
    const client = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: config.region,
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
    const created = await createMissingTables(client, tables, config.tableNames);
    if (created.length > 0) say(`Created tables: ${created.join(", ")}`);
    if (options.seedDemo ?? true) {
      const db = createDocumentClient(config);
      const loaded = await loadDemoData(db, config);
      for (const [table, count] of Object.entries(loaded)) say(`Loaded ${count} demo items into ${table}`);
      db.destroy();
    }
    client.destroy();

    const modules = await startLocalModules({ config, ...(options.dataDir ? { filesDir: filesDirBeside(options.dataDir) } : {}) });
    const server = await listen(createLocalApp(config, modules), port, options.hostname);
    const stopJobs = startJobs(modules);
    return {
      url: `http://127.0.0.1:${port}`,
      port,
      dynamo,
      config,
      modules,
      stop: async () => {
        stopJobs();
        await modules.bus.idle();
        await server.close();
        await dynamo.stop();
      },
    };
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
}
