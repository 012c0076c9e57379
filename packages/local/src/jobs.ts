import type { ApiModule } from "@naerhed/functions/shared/module";
import type { Services } from "@naerhed/functions/shared/services";

/**
 * Locally, what EventBridge does on AWS: runs each module's scheduled jobs on their interval.
 * A run that is still busy when the next one is due is skipped, not stacked. A failing run is
 * logged and tried again next time; it never stops the server.
 */
export function startJobs(modules: readonly ApiModule[], services: Services): () => void {
  const timers = modules.flatMap((module) =>
    (module.jobs ?? []).map((job) => {
      let busy = false;
      const timer = setInterval(async () => {
        if (busy) return;
        busy = true;
        try {
          await job.run(services);
        } catch (error) {
          console.error(JSON.stringify({ level: "error", job: `${module.name}/${job.name}`, message: String(error) }));
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
