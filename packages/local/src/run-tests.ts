import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./paths.ts";

/**
 * `npm test`: every kind of test, one after another, then one plain line
 * `N passed, N failed` summing them all (the line CI reads). Exits non-zero on any failure.
 * Extra arguments pick suites by name, e.g. `npm test -- unit e2e`.
 */

type Step = { name: string; command: string[]; vitest?: string };

const steps: Step[] = [
  { name: "typecheck", command: ["npx", "tsc", "-p", "tsconfig.json", "--noEmit"] },
  { name: "typecheck-web", command: ["npx", "tsc", "-p", "web/tsconfig.json", "--noEmit"] },
  { name: "typecheck-e2e", command: ["npx", "tsc", "-p", "web/e2e/tsconfig.json", "--noEmit"] },
  { name: "build-web", command: ["npm", "run", "build", "-w", "web"] },
  { name: "unit", command: [], vitest: "packages/vitest.config.ts" },
  { name: "web", command: [], vitest: "web/vitest.config.ts" },
  { name: "infra", command: [], vitest: "infra-tests/vitest.config.ts" },
  { name: "e2e", command: [], vitest: "web/e2e/vitest.config.ts" },
];

const chosen = process.argv.slice(2);
const resultsDir = join(repoRoot, ".test-results");
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

type Report = { numPassedTests: number; numFailedTests: number; numFailedTestSuites: number };

let passed = 0;
let failed = 0;
const summary: string[] = [];

for (const step of steps) {
  if (chosen.length > 0 && !chosen.includes(step.name)) continue;
  const started = Date.now();
  const output = join(resultsDir, `${step.name}.json`);
  const command = step.vitest
    ? ["npx", "vitest", "run", "--config", step.vitest, "--reporter=default", "--reporter=json", `--outputFile.json=${output}`]
    : step.command;
  console.log(`\n▶ ${step.name}: ${command.join(" ")}`);
  const run = spawnSync(command[0]!, command.slice(1), { cwd: repoRoot, stdio: "inherit", env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  if (step.vitest) {
    const report: Report | undefined = existsSync(output) ? JSON.parse(readFileSync(output, "utf8")) : undefined;
    // A file that fails to load has no tests to count; count it as a failure so it is never silent.
    const failures = report ? report.numFailedTests + (report.numFailedTests === 0 ? report.numFailedTestSuites : 0) : 1;
    const stepFailed = Math.max(failures, run.status === 0 ? 0 : 1);
    passed += report?.numPassedTests ?? 0;
    failed += stepFailed;
    summary.push(`${step.name}: ${report?.numPassedTests ?? 0} passed, ${stepFailed} failed (${seconds} s)`);
  } else if (run.status === 0) {
    passed += 1;
    summary.push(`${step.name}: ok (${seconds} s)`);
  } else {
    failed += 1;
    summary.push(`${step.name}: FAILED (${seconds} s)`);
  }
}

console.log(`\n${summary.join("\n")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
