import { EventBridgeClient, PutEventsCommand } from "@aws-sdk/client-eventbridge";
import { eventSource, type Publisher } from "./events.ts";

/** Publishing on AWS: one PutEvents to the stage's bus (EVENT_BUS_NAME), source `naerhed.<module>`. */
export function createEventBridgePublisher(module: string, busName: string, region: string): Publisher {
  const client = new EventBridgeClient({ region, maxAttempts: 3 });
  return async (name, detail) => {
    const result = await client.send(
      new PutEventsCommand({ Entries: [{ EventBusName: busName, Source: eventSource(module), DetailType: name, Detail: JSON.stringify(detail) }] }),
    );
    // PutEvents answers 200 even when an entry was not taken; the entry says why.
    if (result.FailedEntryCount) throw new Error(`EventBridge did not take ${name}: ${result.Entries?.[0]?.ErrorCode} ${result.Entries?.[0]?.ErrorMessage}`);
  };
}
