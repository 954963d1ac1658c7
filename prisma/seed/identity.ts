// Check characters for the fake-but-valid identifiers of the demo data.
import { creditCodeCheckChar, validateCreditCode } from "~/domain/credit-code.ts";
import { idNumberCheckChar, validateIdNumber } from "~/domain/id-number.ts";

/**
 * An 18-digit 公民身份号码: county code · birth date · 3-digit sequence (odd = male) · check digit.
 * The people are invented; only the check digit is real.
 */
export function makeIdNumber(countyCode: string, birthDate: string, sequence: number, sex: "M" | "F"): string {
  if (sequence < 1 || sequence > 999) throw new RangeError("ID sequence must be 1–999");
  if ((sequence % 2 === 1) !== (sex === "M")) throw new RangeError(`ID sequence ${sequence} does not match sex ${sex}`);
  const first17 = `${countyCode}${birthDate.replaceAll("-", "")}${String(sequence).padStart(3, "0")}`;
  const id = first17 + idNumberCheckChar(first17);
  const checked = validateIdNumber(id);
  if (!checked.ok) throw new Error(`Generated an invalid ID number (${checked.reason})`);
  return id;
}

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** GB 11714 check character of the 9-character organisation code inside the credit code. */
function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8[i]!;
    const value = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55; // A = 10
    sum += value * ORG_CODE_WEIGHTS[i]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? "X" : check === 11 ? "0" : String(check);
}

/**
 * A 统一社会信用代码 (GB 32100): authority+kind ("51" 社会团体, "52" 社会服务机构, "91" 企业) ·
 * region · organisation code (8 characters + its own GB 11714 check) · GB 32100 check character.
 */
export function makeCreditCode(authorityAndKind: string, regionCode: string, orgCodeBody: string): string {
  const first17 = `${authorityAndKind}${regionCode}${orgCodeBody}${orgCodeCheckChar(orgCodeBody)}`;
  const code = first17 + creditCodeCheckChar(first17);
  const checked = validateCreditCode(code);
  if (!checked.ok) throw new Error(`Generated an invalid credit code ${code} (${checked.reason})`);
  return code;
}
