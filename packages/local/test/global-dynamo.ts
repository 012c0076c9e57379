import type { TestProject } from "vitest/node";
import { startDynamoLocal } from "../src/dynamo-local.ts";

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

/** Starts one in-memory DynamoDB Local for the whole test run and stops it afterwards. */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoLocal({ dataDir: null });
  project.provide("dynamoEndpoint", dynamo.endpoint);
  return () => dynamo.stop();
}
