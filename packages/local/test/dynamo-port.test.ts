import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { PortTakenError, startDynamoLocal } from "../src/dynamo-local.ts";

describe("a second DynamoDB Local on a port that is taken", () => {
  it("refuses in one sentence instead of quietly using the other run's DynamoDB and its data", async () => {
    // The run's own DynamoDB Local already listens here, as the first `npm start` would.
    const port = Number(new URL(inject("dynamoEndpoint")).port);
    const second = startDynamoLocal({ port, dataDir: null });
    await expect(second).rejects.toBeInstanceOf(PortTakenError);
    await expect(second).rejects.toThrow(/Port \d+ for DynamoDB Local is taken .*DYNAMODB_PORT=.*DATA_DIR=/);
  });
});
