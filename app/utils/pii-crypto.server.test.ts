import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createPiiCrypto, PiiDecryptionError } from "./pii-crypto.server.ts";

const keys = () => ({ encryptionKey: randomBytes(32), hashKey: randomBytes(32) });

describe("createPiiCrypto: encryption", () => {
  const crypto = createPiiCrypto(keys());

  it.each([
    ["ID number", "11010519491231002X"],
    ["mobile", "13855123456"],
    ["address", "安徽省合肥市肥东县店埠镇幸福村3组12号"],
    ["name with a middle dot", "阿卜杜拉·艾合买提"],
    ["emoji and newlines", "备注：\n家中有 2 位老人 👵👴"],
    ["empty string", ""],
  ])("round-trips %s", (_label, plain) => {
    const token = crypto.encrypt(plain);
    expect(token).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
    if (plain) expect(token).not.toContain(plain);
    expect(crypto.decrypt(token)).toBe(plain);
  });

  it("gives a different ciphertext each time for the same plaintext", () => {
    const tokens = new Set(Array.from({ length: 20 }, () => crypto.encrypt("11010519491231002X")));
    expect(tokens.size).toBe(20);
    for (const token of tokens) expect(crypto.decrypt(token)).toBe("11010519491231002X");
  });

  it("lays the token out as iv (12) | tag (16) | ciphertext", () => {
    const token = crypto.encrypt("abc");
    expect(Buffer.from(token.slice(3), "base64")).toHaveLength(12 + 16 + 3);
  });

  const flipByte = (token: string, index: number) => {
    const bytes = Buffer.from(token.slice(3), "base64");
    bytes[index]! ^= 0x01;
    return `v1:${bytes.toString("base64")}`;
  };

  it.each([
    ["a flipped IV byte", 0],
    ["a flipped tag byte", 12],
    ["a flipped ciphertext byte", 28],
    ["the last ciphertext byte flipped", -1],
  ])("detects %s", (_label, index) => {
    const token = crypto.encrypt("11010519491231002X");
    const length = Buffer.from(token.slice(3), "base64").length;
    expect(() => crypto.decrypt(flipByte(token, (index + length) % length))).toThrow(PiiDecryptionError);
  });

  it("detects a truncated ciphertext", () => {
    const bytes = Buffer.from(crypto.encrypt("11010519491231002X").slice(3), "base64");
    expect(() => crypto.decrypt(`v1:${bytes.subarray(0, bytes.length - 1).toString("base64")}`)).toThrow(
      PiiDecryptionError,
    );
  });

  it.each([
    ["no version", "AAAA"],
    ["an unknown version", "v2:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
    ["not base64", "v1:not base64!"],
    ["too short", "v1:AAAA"],
    ["empty", ""],
  ])("refuses a token with %s", (_label, token) => {
    expect(() => crypto.decrypt(token)).toThrow(PiiDecryptionError);
  });

  it("cannot decrypt under another key", () => {
    const other = createPiiCrypto(keys());
    expect(() => other.decrypt(crypto.encrypt("11010519491231002X"))).toThrow(PiiDecryptionError);
  });
});

describe("createPiiCrypto: ID number hash", () => {
  const fixedKeys = { encryptionKey: Buffer.alloc(32, 1), hashKey: Buffer.alloc(32, 2) };

  it("is stable across instances with the same key", () => {
    const a = createPiiCrypto(fixedKeys).hashIdNumber("11010519491231002X");
    const b = createPiiCrypto({ ...fixedKeys, encryptionKey: Buffer.alloc(32, 9) }).hashIdNumber("11010519491231002X");
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toBe(a);
  });

  it.each([["11010519491231002x"], [" 11010519491231002X "], ["110105 19491231 002x"]])(
    "normalises %j to the same hash",
    (variant) => {
      const crypto = createPiiCrypto(fixedKeys);
      expect(crypto.hashIdNumber(variant)).toBe(crypto.hashIdNumber("11010519491231002X"));
    },
  );

  it("differs for different ID numbers", () => {
    const crypto = createPiiCrypto(fixedKeys);
    expect(crypto.hashIdNumber("341322199001011233")).not.toBe(crypto.hashIdNumber("11010519491231002X"));
  });

  it("differs for different hash keys", () => {
    const other = createPiiCrypto({ ...fixedKeys, hashKey: Buffer.alloc(32, 3) });
    expect(other.hashIdNumber("11010519491231002X")).not.toBe(
      createPiiCrypto(fixedKeys).hashIdNumber("11010519491231002X"),
    );
  });

  it("does not change when the caller mutates its key buffer afterwards", () => {
    const hashKey = Buffer.alloc(32, 2);
    const crypto = createPiiCrypto({ encryptionKey: Buffer.alloc(32, 1), hashKey });
    const before = crypto.hashIdNumber("11010519491231002X");
    hashKey.fill(0);
    expect(crypto.hashIdNumber("11010519491231002X")).toBe(before);
  });
});

describe("createPiiCrypto: keys", () => {
  it.each([
    ["a short encryption key", { encryptionKey: randomBytes(16), hashKey: randomBytes(32) }],
    ["a long hash key", { encryptionKey: randomBytes(32), hashKey: randomBytes(64) }],
    ["the same key twice", { encryptionKey: Buffer.alloc(32, 7), hashKey: Buffer.alloc(32, 7) }],
  ])("refuses %s", (_label, badKeys) => {
    expect(() => createPiiCrypto(badKeys)).toThrow(RangeError);
  });
});
