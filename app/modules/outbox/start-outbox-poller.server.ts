// The background loop shared by outbox workers: run a pass, keep draining while passes come back
// full, then sleep until the next poll. Errors of a pass are reported and the loop goes on.

export type OutboxPoller = { stop: () => Promise<void> };

export function startOutboxPoller(
  runPass: () => Promise<{ claimed: number }>,
  opts: { batchSize: number; intervalMs: number; onError?: (error: unknown) => void },
): OutboxPoller {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      try {
        while (!stopped && (await runPass()).claimed >= opts.batchSize);
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
