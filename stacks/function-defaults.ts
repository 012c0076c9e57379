import type { FunctionProps } from "sst/constructs";

/**
 * Applies to every SST Function (the module Lambdas); CDK's own helper functions are not affected.
 * Its own file, so that bench/lambda.ts can bundle with exactly these settings (an infra test checks
 * that its bundles are byte-identical to the ones synthesis builds).
 *
 * The AWS SDK stays in the bundle (no `nodejs.esbuild.external: ["@aws-sdk/*"]`), although the
 * nodejs22.x runtime ships SDK v3 and that would cut the bundles from about 550-620 KB to
 * 105-180 KB: the bundled, minified SDK imports about twice as fast as a copy that Node resolves
 * and reads as many separate files (bench/lambda.ts measures both; the SDK team reports the same
 * for Lambda cold starts, aws/aws-cdk#25492), and the SDK version stays the one our lockfile pins
 * and our tests ran, not whichever one AWS has put in the runtime.
 */
export const functionDefaults = {
  runtime: "nodejs22.x",
  architecture: "arm_64",
  memorySize: 512,
  timeout: 10,
  logRetention: "one_month",
  nodejs: {
    format: "esm",
    minify: true,
    // SST's default uploads source maps beside the bundle for its Console only; we do not use it.
    sourcemap: false,
  },
} satisfies FunctionProps;
