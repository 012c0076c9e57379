import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Folders of the checkout that the local runner uses. */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const webDist = fileURLToPath(new URL("../../../web/dist/", import.meta.url));
/** DynamoDB Local keeps its data here between runs (git-ignored). */
export const defaultDataDir = fileURLToPath(new URL("../../../.data/dynamodb/", import.meta.url));

/** Where this run keeps DynamoDB Local's data: DATA_DIR when set (a second `npm start` needs its own), else the default. */
export const dataDirFrom = (env: NodeJS.ProcessEnv = process.env) => resolve(env.DATA_DIR || defaultDataDir);
