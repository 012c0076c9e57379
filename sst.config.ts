import type { SSTConfig } from "sst";
import { stacks } from "./stacks/index.ts";

export default {
  config(_input) {
    return { name: "naerhed", region: "eu-north-1" };
  },
  // A method (not a property) on purpose: SST's quick "shallow" config load strips the
  // `stacks` method to read only `config`; the stacks themselves live in stacks/index.ts.
  stacks(app) {
    stacks(app);
  },
} satisfies SSTConfig;
