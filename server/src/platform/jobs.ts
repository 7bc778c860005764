// Recurring jobs inside a server or worker process. Each job is idempotent (events carry occurrence keys,
// revaluation writes only what changed), so replicas running the same schedule, or a run missed while the
// process was down, do no harm. A job never overlaps itself, and a failure is logged and retried next time.
import type { FastifyBaseLogger } from 'fastify';
import { actAs } from './audit.ts';

export interface Job {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

export interface JobRunner {
  /** Runs every job once now, then on its interval. */
  start(): void;
  /** Stops scheduling and waits for runs in progress. */
  stop(): Promise<void>;
}

export function jobRunner(jobs: readonly Job[], log: Pick<FastifyBaseLogger, 'info' | 'error'>): JobRunner {
  const timers: NodeJS.Timeout[] = [];
  const running = new Map<string, Promise<void>>();

  const runOnce = (job: Job) => {
    if (running.has(job.name)) return;
    const started = performance.now();
    // What a job changes is logged as done by the job, not by "system".
    const run = actAs({ user_id: null, label: `job ${job.name}` }, () => job.run())
      .then((result) => {
        log.info({ job: job.name, ms: Math.round(performance.now() - started), result }, 'job done');
      })
      .catch((error: unknown) => {
        log.error({ job: job.name, err: error }, 'job failed; it runs again at its next interval');
      })
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
  };

  return {
    start() {
      for (const job of jobs) {
        runOnce(job);
        const timer = setInterval(() => runOnce(job), job.everyMs);
        timer.unref();
        timers.push(timer);
      }
    },
    async stop() {
      for (const timer of timers.splice(0)) clearInterval(timer);
      await Promise.all(running.values());
    },
  };
}
