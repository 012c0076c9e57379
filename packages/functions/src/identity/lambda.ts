import { lambdaEntry } from "../shared/lambda.ts";
import { identityModule } from "./routes.ts";

export const { handler, createHandler } = lambdaEntry(identityModule);
