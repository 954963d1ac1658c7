// The background loop shared by outbox workers: run a pass, keep draining while passes come back
// full, then sleep until the next poll. A full pass in which every row failed means the other end
// (engine, mail server) is down: stop draining and leave the rest to their backoff rather than
// trying the whole backlog against it. Errors of a pass are reported and the loop goes on.

export type OutboxPoller = { stop: () => Promise<void> };

export type OutboxPassResult = { claimed: number; failed?: number };

/** Whether the poller should run another pass straight away. */
export function shouldDrainOn(pass: OutboxPassResult, batchSize: number): boolean {
  return pass.claimed >= batchSize && (pass.failed ?? 0) < pass.claimed;
}

export function startOutboxPoller(
  runPass: () => Promise<OutboxPassResult>,
  opts: { batchSize: number; intervalMs: number; onError?: (error: unknown) => void },
): OutboxPoller {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      try {
        while (!stopped && shouldDrainOn(await runPass(), opts.batchSize));
      } catch (error) {
        opts.onError?.(error);
      }
      if (!stopped) {
        timer = setTimeout(tick, opts.intervalMs);
        // A pending poll must not keep a script (seed, reindex) alive after its work is done.
        timer.unref();
      }
    })();
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
