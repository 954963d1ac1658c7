// Group commit in the application: callers hand in one item each and wait for its own result; the
// items go to `run` in batches, one batch at a time. A caller that arrives while no batch is running
// starts one at once (no timer, so a lone request waits for nothing); callers that arrive meanwhile
// wait together for the next batch, which takes up to `maxBatch` of them in arrival order. Under load
// the batches grow by themselves, and the fixed cost of a round trip and a commit is shared
// (ADR 009). One batch at a time also means two batches never wait on each other's row locks.

export type BatchResult<O> = { ok: true; value: O } | { ok: false; error: unknown };

export type GroupCommitOptions<I, O> = {
  maxBatch: number;
  /** One result per item, in the items' order. Throwing fails every item of the batch. */
  run: (items: I[]) => Promise<BatchResult<O>[]>;
};

type Waiting<I, O> = { item: I; resolve: (value: O) => void; reject: (error: unknown) => void };

export function groupCommit<I, O>({ maxBatch, run }: GroupCommitOptions<I, O>): (item: I) => Promise<O> {
  if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new RangeError(`maxBatch must be a positive integer, got ${maxBatch}`);
  const queue: Waiting<I, O>[] = [];
  let running = false;

  async function runNext(): Promise<void> {
    if (running || queue.length === 0) return;
    running = true;
    const batch = queue.splice(0, maxBatch);
    try {
      const results = await run(batch.map((w) => w.item));
      if (results.length !== batch.length) throw new Error(`group commit: ${results.length} results for ${batch.length} items`);
      batch.forEach((w, i) => {
        const result = results[i] as BatchResult<O>;
        if (result.ok) w.resolve(result.value);
        else w.reject(result.error);
      });
    } catch (error) {
      for (const w of batch) w.reject(error);
    } finally {
      running = false;
      void runNext();
    }
  }

  return (item: I) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      void runNext();
    });
}
