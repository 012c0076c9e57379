import { defaultIsContentTypeBinary } from "hono/aws-lambda";
import { lambdaEntry } from "../shared/lambda.ts";
import { directoryModule } from "./routes.ts";

/**
 * The open-data CSV export (/api/hsds/export.csv) starts with a byte order mark so Excel shows
 * æ, ø and å. The adapter reads text bodies with Response.text(), which drops that mark; so CSV
 * goes to API Gateway as bytes (base64), which it sends on unchanged.
 */
const isContentTypeBinary = (contentType: string) => /^text\/csv\b/i.test(contentType) || defaultIsContentTypeBinary(contentType);

export const { handler, createHandler } = lambdaEntry(directoryModule, { isContentTypeBinary });
