/**
 * Password hashing with scrypt from node:crypto (memory-hard, no native dependency to build).
 * Stored as "scrypt$N$r$p$saltB64$hashB64" so the cost can be raised later and old hashes still
 * verify with the parameters they were made with.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

const SCRYPT_N = 16384;
const SCRYPT_R = 8;
const SCRYPT_P = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 64;
// A stored hash with absurd parameters would otherwise let whoever wrote it stall the login path.
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

function deriveKey(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // 128·N·r bytes of memory; allow twice that so raised parameters still fit.
    const maxmem = 256 * options.N! * options.r! + 1024 * 1024;
    scrypt(password, salt, keyLength, { ...options, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * NFKC first: a Chinese IME switched to full-width gives "ｐａｓｓ１２３" for the same keys that
 * gave "pass123" at sign-up, and the person should still get in.
 */
function normalizePassword(plain: string): string {
  return plain.normalize("NFKC");
}

export async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(normalizePassword(plain), salt, KEY_BYTES, { N: SCRYPT_N, r: SCRYPT_R, p: SCRYPT_P });
  return ["scrypt", SCRYPT_N, SCRYPT_R, SCRYPT_P, salt.toString("base64"), key.toString("base64")].join("$");
}

const STORED_PATTERN = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

/** False for a wrong password and for a stored value that is not one of our hashes. */
export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  const match = STORED_PATTERN.exec(stored);
  if (!match) return false;
  const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const isPowerOfTwo = N > 1 && (N & (N - 1)) === 0;
  if (!isPowerOfTwo || N > MAX_N || r < 1 || r > MAX_R || p < 1 || p > MAX_P) return false;
  const salt = Buffer.from(match[4]!, "base64");
  const expected = Buffer.from(match[5]!, "base64");
  if (salt.length === 0 || expected.length === 0) return false;

  const actual = await deriveKey(normalizePassword(plain), salt, expected.length, { N, r, p });
  return timingSafeEqual(actual, expected);
}
