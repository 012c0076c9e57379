import { manifests } from "@naerhed/core/manifests";
import type { LocalModules } from "./lambda-runner.ts";

/**
 * Locally, what the EventBridge schedules do on AWS: each module's jobs on their interval,
 * through the module's own handler with the schedule's `{ job }` event. A run that is still busy
 * when the next one is due is skipped, not stacked. A failing run is logged and tried again next
 * time; it never stops the server.
 */
export function startJobs(modules: Pick<LocalModules, "runJob">): () => void {
  const timers = manifests.flatMap((manifest) =>
    manifest.jobs.map((job) => {
      let busy = false;
      const timer = setInterval(async () => {
        if (busy) return;
        busy = true;
        try {
          await modules.runJob(manifest.name, job.name);
        } catch (error) {
          console.error(JSON.stringify({ level: "error", job: `${manifest.name}/${job.name}`, message: String(error) }));
        } finally {
          busy = false;
        }
      }, job.everyMinutes * 60_000);
      timer.unref();
      return timer;
    }),
  );
  return () => timers.forEach(clearInterval);
}
