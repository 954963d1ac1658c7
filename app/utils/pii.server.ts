import { getEnv } from "./env.server.ts";
import { createPiiCrypto } from "./pii-crypto.server.ts";

let instance: ReturnType<typeof createPiiCrypto> | undefined;

/** The process's PII crypto, keyed from the environment (PII_ENCRYPTION_KEY, PII_HASH_KEY). */
export function piiCrypto() {
  const env = getEnv();
  instance ??= createPiiCrypto({
    encryptionKey: Buffer.from(env.PII_ENCRYPTION_KEY, "base64"),
    hashKey: Buffer.from(env.PII_HASH_KEY, "base64"),
  });
  return instance;
}
