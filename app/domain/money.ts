/**
 * Money as integer 分 (CNY fen). Floats cannot hold 0.1 元 exactly, and a donation ledger that
 * drifts by a 分 cannot be reconciled with the bank, so every amount is a safe integer and every
 * split hands out each 分 to someone.
 */

declare const fenBrand: unique symbol;
/** An amount in 分. Only `fen()` and the functions here create one, so it is always a safe integer. */
export type Fen = number & { readonly [fenBrand]: "Fen" };

export const FEN_PER_YUAN = 100;
export const ZERO_FEN = 0 as Fen;

export function fen(amount: number): Fen {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`An amount in 分 must be a safe integer, got ${amount}`);
  }
  // -0 would print as "-¥0.00" and compare unequal under Object.is.
  return (amount === 0 ? 0 : amount) as Fen;
}

export function isFen(value: unknown): value is Fen {
  return typeof value === "number" && Number.isSafeInteger(value);
}

export type YuanParseFailure = "format" | "precision" | "negative" | "range";
export type YuanParseResult = { ok: true; value: Fen } | { ok: false; reason: YuanParseFailure };

const YUAN_PATTERN = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Parses what a person types as 元 ("12.34", "12", "0.5") into 分 using string arithmetic only.
 * Blanks around the number are ignored; thousands separators, "¥", "+", ".5" and "12." are not
 * accepted, so a form shows a message instead of guessing.
 */
export function yuanToFen(input: string, options: { allowNegative?: boolean } = {}): YuanParseResult {
  const match = YUAN_PATTERN.exec(input.trim());
  if (!match) return { ok: false, reason: "format" };
  const [, sign = "", whole = "", fraction = ""] = match;
  if (fraction.length > 2) return { ok: false, reason: "precision" };
  if (sign === "-" && !options.allowNegative) return { ok: false, reason: "negative" };

  const magnitude = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0"));
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: "range" };
  const amount = Number(magnitude);
  return { ok: true, value: fen(sign === "-" ? -amount : amount) };
}

export type MoneyLocale = "zh-CN" | "en";

/**
 * "¥1,234.56" in both languages: the site deals only in CNY, and zh-CN and en group digits the
 * same way. Done with integer arithmetic because Intl takes a float.
 */
export function formatFen(amount: Fen, _locale: MoneyLocale = "zh-CN"): string {
  const negative = amount < 0;
  const magnitude = Math.abs(amount);
  const yuan = Math.floor(magnitude / FEN_PER_YUAN);
  const cents = magnitude % FEN_PER_YUAN;
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}¥${grouped}.${String(cents).padStart(2, "0")}`;
}

export function addFen(a: Fen, b: Fen): Fen {
  return fen(a + b);
}

export function subFen(a: Fen, b: Fen): Fen {
  return fen(a - b);
}

export function sumFen(amounts: Iterable<Fen>): Fen {
  let total = ZERO_FEN;
  for (const amount of amounts) total = addFen(total, amount);
  return total;
}

/**
 * Splits `total` in proportion to `ratios` without losing or inventing a 分 (largest remainder:
 * everyone gets the floor of their exact share, and the leftover 分 go to the largest remainders,
 * earlier entries first on ties so the result is deterministic). Each part is within 1 分 of its
 * exact share, and a zero ratio always gets 0. A negative total is split like its absolute value
 * and negated, so a refund mirrors the original split.
 */
export function allocate(total: Fen, ratios: readonly number[]): Fen[] {
  fen(total);
  if (ratios.length === 0) throw new RangeError("allocate needs at least one ratio");
  for (const ratio of ratios) {
    if (!Number.isSafeInteger(ratio) || ratio < 0) {
      throw new RangeError(`Ratios must be non-negative integers, got ${ratio}`);
    }
  }
  // BigInt because total × ratio can exceed 2^53 even when both fit.
  const ratioSum = ratios.reduce((sum, ratio) => sum + BigInt(ratio), 0n);
  if (ratioSum === 0n) throw new RangeError("At least one ratio must be positive");

  const magnitude = BigInt(Math.abs(total));
  const shares = ratios.map((ratio, index) => {
    const exact = magnitude * BigInt(ratio);
    return { index, floor: exact / ratioSum, remainder: exact % ratioSum };
  });
  let leftover = magnitude - shares.reduce((sum, share) => sum + share.floor, 0n);

  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const share of byRemainder) {
    if (leftover === 0n) break;
    share.floor += 1n;
    leftover -= 1n;
  }

  const sign = total < 0 ? -1 : 1;
  return shares.map((share) => fen(sign * Number(share.floor)));
}
