import { handle } from "hono/aws-lambda";
import { createApi } from "../app.ts";
import { directoryModule } from "./routes.ts";

export const handler = handle(createApi([directoryModule]));
