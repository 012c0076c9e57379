import { moduleHandler } from "../shared/lambda.ts";
import { mentorModule } from "./routes.ts";

export const handler = moduleHandler(mentorModule);
