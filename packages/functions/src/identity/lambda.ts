import { moduleHandler } from "../shared/lambda.ts";
import { identityModule } from "./routes.ts";

export const handler = moduleHandler(identityModule);
