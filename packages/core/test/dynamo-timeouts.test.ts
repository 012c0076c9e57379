import { createServer, type Socket } from "node:net";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { functionDefaults } from "../../../stacks/function-defaults.ts";
import { call, createDocumentClient, DYNAMO_TIMEOUTS } from "../src/shared/dynamo.ts";
import { UnavailableError } from "../src/shared/errors.ts";

/** A "DynamoDB" that accepts connections and reads requests but never answers, as a hung one does. */
const sockets: Socket[] = [];
const silent = createServer((socket) => {
  sockets.push(socket);
  socket.resume();
});
let endpoint = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

describe("a DynamoDB call that hangs", () => {
  it("ends with UnavailableError (the 503 'try again'), not when the server answers", async () => {
    const db = createDocumentClient({ dynamoEndpoint: endpoint, region: "eu-north-1" });
    try {
      // Without throwOnRequestTimeout the SDK only warns and waits for the 5-minute socket default.
      await expect(call(() => db.send(new GetCommand({ TableName: "t-hang", Key: { pk: "x" } })))).rejects.toBeInstanceOf(UnavailableError);
    } finally {
      db.destroy();
    }
    // Each attempt opened its own connection and sent its request.
    expect(sockets.length).toBe(DYNAMO_TIMEOUTS.attempts);
  });

  it("gives up well inside a module Lambda's timeout, leaving time for the rest of the request", () => {
    const { attempts, requestTimeout, socketTimeout, connectionTimeout } = DYNAMO_TIMEOUTS;
    // The SDK's first retry waits at most 200 ms; 1 s covers it and a late timer on a busy machine.
    const worstCall = attempts * requestTimeout + 1000;
    expect(worstCall).toBeLessThanOrEqual(0.7 * functionDefaults.timeout * 1000);
    // requestTimeout runs from the start of each attempt, the connection phase included.
    expect(connectionTimeout).toBeLessThan(requestTimeout);
    expect(socketTimeout).toBeLessThanOrEqual(requestTimeout);
  });
});
