import { lambdaEntry } from "../shared/lambda.ts";
import { councilModule } from "./routes.ts";

export const { handler, createHandler } = lambdaEntry(councilModule);
