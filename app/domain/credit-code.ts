/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015), required of every vetted
 * organisation.
 *
 * Layout: registering authority (1) · organisation kind (1) · registering office's region code (6,
 * digits) · organisation code (9) · check character (1). Letters I, O, Z, S and V are never used
 * because they are easily confused with 1, 0, 2, 5 and U.
 */

export type CreditCodeFailure = "format" | "checksum";

export type CreditCodeResult = { ok: true; value: string } | { ok: false; reason: CreditCodeFailure };

const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i]!);
    if (value < 0) throw new RangeError(`Character ${JSON.stringify(first17[i])} is not in the credit-code charset`);
    sum += value * WEIGHTS[i]!;
  }
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/** Codes are printed in capitals on the licence; people type them in either case. */
export function normalizeCreditCode(input: string): string {
  return input.trim().toUpperCase();
}

export function validateCreditCode(input: string): CreditCodeResult {
  const value = normalizeCreditCode(input);
  if (!CREDIT_CODE_PATTERN.test(value)) return { ok: false, reason: "format" };
  if (creditCodeCheckChar(value) !== value[17]) return { ok: false, reason: "checksum" };
  return { ok: true, value };
}

export function isValidCreditCode(input: string): boolean {
  return validateCreditCode(input).ok;
}
