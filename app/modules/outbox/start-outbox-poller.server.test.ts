import { describe, expect, it, vi } from "vitest";
import { shouldDrainOn, startOutboxPoller, type OutboxPassResult } from "./start-outbox-poller.server.ts";

describe("shouldDrainOn", () => {
  it.each([
    [{ claimed: 0 }, false],
    [{ claimed: 9 }, false],
    [{ claimed: 10 }, true],
    [{ claimed: 10, failed: 0 }, true],
    [{ claimed: 10, failed: 9 }, true],
    // Every row of a full batch failed: the other end is down, the rest waits for its backoff.
    [{ claimed: 10, failed: 10 }, false],
    [{ claimed: 3, failed: 3 }, false],
  ] satisfies [OutboxPassResult, boolean][])("%o with batches of 10 → %s", (pass, expected) => {
    expect(shouldDrainOn(pass, 10)).toBe(expected);
  });
});

describe("startOutboxPoller", () => {
  it("drains full batches at once, then waits for the next poll; stop() ends it", async () => {
    const passes: OutboxPassResult[] = [{ claimed: 2 }, { claimed: 2 }, { claimed: 1 }];
    const runPass = vi.fn(async () => passes.shift() ?? { claimed: 0 });
    const poller = startOutboxPoller(runPass, { batchSize: 2, intervalMs: 60_000 });
    await vi.waitFor(() => expect(runPass).toHaveBeenCalledTimes(3));
    await poller.stop();
    expect(runPass).toHaveBeenCalledTimes(3);
  });

  it("stops draining when a full batch failed entirely, and reports a pass that throws without dying", async () => {
    const runPass = vi.fn(async () => ({ claimed: 5, failed: 5 }));
    const poller = startOutboxPoller(runPass, { batchSize: 5, intervalMs: 60_000 });
    await vi.waitFor(() => expect(runPass).toHaveBeenCalledTimes(1));
    await poller.stop();
    expect(runPass).toHaveBeenCalledTimes(1);

    const errors: unknown[] = [];
    let calls = 0;
    const flaky = startOutboxPoller(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error("database restarting");
        return { claimed: 0 };
      },
      { batchSize: 5, intervalMs: 5, onError: (e) => errors.push(e) },
    );
    await vi.waitFor(() => expect(calls).toBeGreaterThanOrEqual(2));
    await flaky.stop();
    expect(errors).toHaveLength(1);
  });
});
