import { parseArgs } from "node:util";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { ensureAdmin } from "@naerhed/core/identity/people";
import { createIdentityStore } from "@naerhed/core/identity/store";
import { createDocumentClient } from "@naerhed/core/shared/dynamo";
import { identityTable, tables } from "@naerhed/core/shared/tables";
import { createMissingTables } from "./bootstrap.ts";
import { localConfig } from "./config.ts";
import { startDynamoLocal, type DynamoLocal } from "./dynamo-local.ts";
import { dataDirFrom } from "./paths.ts";

/**
 * `npm run admin:create -- <email> [--stage <stage>]`: makes <email> an administrator.
 * Without --stage it works on this machine's data (the DynamoDB Local of `npm start`, started
 * for the moment if it is not running). With --stage it uses the deployed stage's identity
 * table through the AWS credentials in the environment (SST names it <stage>-naerhed-identity).
 */

const { values, positionals } = parseArgs({ allowPositionals: true, options: { stage: { type: "string" } } });
const email = positionals[0];
if (!email) {
  console.error("Usage: npm run admin:create -- <email> [--stage <stage>]");
  process.exit(2);
}

async function localEndpoint(): Promise<{ endpoint: string; started?: DynamoLocal }> {
  const port = Number(process.env.DYNAMODB_PORT ?? 8000);
  const endpoint = `http://127.0.0.1:${port}`;
  const probe = new DynamoDBClient({ endpoint, region: "eu-north-1", credentials: { accessKeyId: "local", secretAccessKey: "local" }, maxAttempts: 1 });
  try {
    await probe.send(new ListTablesCommand({ Limit: 1 }));
    return { endpoint };
  } catch {
    const started = await startDynamoLocal({ port, dataDir: dataDirFrom() });
    return { endpoint: started.endpoint, started };
  } finally {
    probe.destroy();
  }
}

let started: DynamoLocal | undefined;
try {
  let tableName: string;
  let db;
  if (values.stage) {
    tableName = process.env[identityTable.envVar] ?? `${values.stage}-naerhed-${identityTable.id}`;
    db = createDocumentClient({ region: process.env.AWS_REGION ?? "eu-north-1" });
  } else {
    const local = await localEndpoint();
    started = local.started;
    const config = localConfig(local.endpoint);
    const client = new DynamoDBClient({ endpoint: local.endpoint, region: config.region, credentials: { accessKeyId: "local", secretAccessKey: "local" } });
    await createMissingTables(client, tables, config.tableNames);
    client.destroy();
    tableName = config.tableNames[identityTable.id]!;
    db = createDocumentClient(config);
  }
  const person = await ensureAdmin({ store: createIdentityStore(db, tableName), now: () => new Date() }, email);
  console.log(`${person.email} is now an administrator (person ${person.id}, table ${tableName}). Sign in with this email.`);
  db.destroy();
} catch (error) {
  console.error(`Could not create the administrator: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await started?.stop();
}
