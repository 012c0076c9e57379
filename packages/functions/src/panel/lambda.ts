import { defaultIsContentTypeBinary } from "hono/aws-lambda";
import { lambdaEntry } from "../shared/lambda.ts";
import { panelModule } from "./routes.ts";

/** The CSV export starts with a byte order mark (Excel shows æøå); as bytes, API Gateway keeps it (see directory/lambda.ts). */
const isContentTypeBinary = (contentType: string) => /^text\/csv\b/i.test(contentType) || defaultIsContentTypeBinary(contentType);

export const { handler, createHandler } = lambdaEntry(panelModule, { isContentTypeBinary });
