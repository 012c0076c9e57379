import { lambdaEntry } from "../shared/lambda.ts";
import { organisationModule } from "./routes.ts";

export const { handler, createHandler } = lambdaEntry(organisationModule);
