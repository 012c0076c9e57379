import { handle } from "hono/aws-lambda";
import { createApi } from "../app.ts";
import { identityModule } from "./routes.ts";

export const handler = handle(createApi([identityModule]));
