/**
 * Encryption of personal data at rest (ID numbers, phones, addresses) and a keyed hash of the ID
 * number for the duplicate check (DESIGN §4). Keys are passed in, parsed once by env.server.ts,
 * so this module can be tested without the environment.
 *
 * The hash is an HMAC rather than a plain SHA-256: ID numbers have so little entropy (region,
 * birth date, 3 digits) that an unkeyed hash of all of them can be computed in minutes.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

const TOKEN_VERSION = "v1";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type PiiCryptoKeys = { encryptionKey: Buffer; hashKey: Buffer };

export type PiiCrypto = {
  /** "v1:" + base64(iv | tag | ciphertext), AES-256-GCM with a fresh random IV each time. */
  encrypt(plain: string): string;
  /** Throws PiiDecryptionError for a token that is malformed, tampered with, or under another key. */
  decrypt(token: string): string;
  /** HMAC-SHA256 (hex) of the normalised ID number, for equality look-ups. */
  hashIdNumber(idNumber: string): string;
};

export class PiiDecryptionError extends Error {
  override readonly name = "PiiDecryptionError";
}

/** The same person must hash the same however the number was typed: blanks dropped, x → X. */
export function normalizeIdNumberForHash(idNumber: string): string {
  return idNumber.replace(/\s+/g, "").toUpperCase();
}

export function createPiiCrypto({ encryptionKey, hashKey }: PiiCryptoKeys): PiiCrypto {
  if (encryptionKey.length !== KEY_BYTES || hashKey.length !== KEY_BYTES) {
    throw new RangeError(`PII keys must be ${KEY_BYTES} bytes each`);
  }
  // One key for both jobs would tie the look-up hash to the encryption key's rotation and misuse.
  if (encryptionKey.equals(hashKey)) throw new RangeError("The PII encryption and hash keys must differ");
  // Copies, so a caller that later zeroes or reuses its buffers cannot change our keys.
  const encryptionKeyCopy = Buffer.from(encryptionKey);
  const hashKeyCopy = Buffer.from(hashKey);

  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", encryptionKeyCopy, iv);
      const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return `${TOKEN_VERSION}:${Buffer.concat([iv, tag, ciphertext]).toString("base64")}`;
    },

    decrypt(token) {
      const prefix = `${TOKEN_VERSION}:`;
      if (!token.startsWith(prefix)) throw new PiiDecryptionError("Unknown PII token version");
      const body = token.slice(prefix.length);
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body)) throw new PiiDecryptionError("PII token is not base64");
      const bytes = Buffer.from(body, "base64");
      if (bytes.length < IV_BYTES + TAG_BYTES) throw new PiiDecryptionError("PII token is too short");

      const iv = bytes.subarray(0, IV_BYTES);
      const tag = bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
      const ciphertext = bytes.subarray(IV_BYTES + TAG_BYTES);
      try {
        const decipher = createDecipheriv("aes-256-gcm", encryptionKeyCopy, iv, { authTagLength: TAG_BYTES });
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
      } catch {
        throw new PiiDecryptionError("PII token failed authentication (tampered with, or a different key)");
      }
    },

    hashIdNumber(idNumber) {
      return createHmac("sha256", hashKeyCopy).update(normalizeIdNumberForHash(idNumber), "utf8").digest("hex");
    },
  };
}
