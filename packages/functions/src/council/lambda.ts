import { moduleHandler } from "../shared/lambda.ts";
import { councilModule } from "./routes.ts";

export const handler = moduleHandler(councilModule);
