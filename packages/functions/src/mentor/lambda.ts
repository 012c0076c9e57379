import { lambdaEntry } from "../shared/lambda.ts";
import { mentorModule } from "./routes.ts";

export const { handler, createHandler } = lambdaEntry(mentorModule);
