import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupCommit, type BatchResult } from "./group-commit.ts";

/** A `run` that records its batches and finishes each only when the test says so. */
function controlledRun<I, O>(answer: (item: I) => BatchResult<O>) {
  const batches: I[][] = [];
  const pending: Array<() => void> = [];
  let active = 0;
  let maxActive = 0;
  const run = (items: I[]) => {
    batches.push(items);
    active += 1;
    maxActive = Math.max(maxActive, active);
    return new Promise<BatchResult<O>[]>((resolve) =>
      pending.push(() => {
        active -= 1;
        resolve(items.map(answer));
      }),
    );
  };
  return {
    run,
    batches,
    maxActive: () => maxActive,
    /** Finishes the oldest running batch and lets its callers and the next batch go on. */
    async finishOne() {
      pending.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

describe("groupCommit", () => {
  it("runs a lone item at once, as a batch of one", async () => {
    const ctl = controlledRun((n: number) => ({ ok: true, value: n * 2 }));
    const submit = groupCommit({ maxBatch: 8, run: ctl.run });
    const answer = submit(21);
    expect(ctl.batches).toEqual([[21]]);
    await ctl.finishOne();
    await expect(answer).resolves.toBe(42);
  });

  it("groups the items that arrive while a batch runs into the next one, in arrival order, at most maxBatch each", async () => {
    const ctl = controlledRun((n: number) => ({ ok: true, value: `r${n}` }));
    const submit = groupCommit({ maxBatch: 3, run: ctl.run });
    const answers = [1, 2, 3, 4, 5, 6].map(submit);
    expect(ctl.batches).toEqual([[1]]);
    await ctl.finishOne();
    expect(ctl.batches).toEqual([[1], [2, 3, 4]]);
    await ctl.finishOne();
    await ctl.finishOne();
    expect(ctl.batches).toEqual([[1], [2, 3, 4], [5, 6]]);
    await expect(Promise.all(answers)).resolves.toEqual(["r1", "r2", "r3", "r4", "r5", "r6"]);
  });

  it("fails only the caller whose item failed", async () => {
    const ctl = controlledRun((n: number): BatchResult<number> => (n === 3 ? { ok: false, error: new Error("three") } : { ok: true, value: n }));
    const submit = groupCommit({ maxBatch: 8, run: ctl.run });
    const answers = [1, 2, 3, 4].map((n) => submit(n).then((value) => ({ value }), (error: Error) => ({ error: error.message })));
    await ctl.finishOne();
    await ctl.finishOne();
    expect(await Promise.all(answers)).toEqual([{ value: 1 }, { value: 2 }, { error: "three" }, { value: 4 }]);
  });

  it("fails every caller of a batch whose run throws or answers for the wrong number of items, and goes on with the next batch", async () => {
    let call = 0;
    const submit = groupCommit<number, number>({
      maxBatch: 2,
      run: async (items) => {
        call += 1;
        if (call === 1) throw new Error("connection lost");
        if (call === 2) return [{ ok: true, value: 0 }];
        return items.map((n) => ({ ok: true, value: n }));
      },
    });
    const settle = (p: Promise<number>) => p.then((value) => ({ value }), (error: Error) => ({ error: error.message }));
    const answers = [1, 2, 3, 4, 5].map((n) => settle(submit(n)));
    expect(await Promise.all(answers)).toEqual([
      { error: "connection lost" },
      { error: "group commit: 1 results for 2 items" },
      { error: "group commit: 1 results for 2 items" },
      { value: 4 },
      { value: 5 },
    ]);
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses maxBatch %s", (maxBatch) => {
    expect(() => groupCommit({ maxBatch, run: async () => [] })).toThrow(RangeError);
  });

  it("runs every item exactly once, one batch at a time, and gives each caller its own result, whatever the arrivals", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        // Waves of arrivals; between waves, some running batches finish.
        fc.array(fc.record({ arrivals: fc.integer({ min: 0, max: 7 }), finish: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 8 }),
        async (maxBatch, waves) => {
          const ctl = controlledRun((n: number) => ({ ok: true, value: n * 10 }));
          const submit = groupCommit({ maxBatch, run: ctl.run });
          const answers: Array<Promise<number>> = [];
          let next = 0;
          for (const wave of waves) {
            for (let i = 0; i < wave.arrivals; i++) answers.push(submit(next++));
            for (let i = 0; i < wave.finish; i++) await ctl.finishOne();
          }
          while (ctl.batches.flat().length < next) await ctl.finishOne();
          await ctl.finishOne();
          expect(await Promise.all(answers)).toEqual(Array.from({ length: next }, (_, n) => n * 10));
          expect(ctl.batches.flat()).toEqual(Array.from({ length: next }, (_, n) => n));
          expect(ctl.batches.every((b) => b.length >= 1 && b.length <= maxBatch)).toBe(true);
          expect(ctl.maxActive()).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
