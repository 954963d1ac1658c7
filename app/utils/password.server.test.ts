import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password.server.ts";

describe("hashPassword", () => {
  it("writes scrypt$N$r$p$salt$hash with a 16-byte salt and a 64-byte key", async () => {
    const stored = await hashPassword("correct horse battery staple");
    const [scheme, N, r, p, salt, hash] = stored.split("$");
    expect([scheme, N, r, p]).toEqual(["scrypt", "16384", "8", "1"]);
    expect(Buffer.from(salt!, "base64")).toHaveLength(16);
    expect(Buffer.from(hash!, "base64")).toHaveLength(64);
  });

  it("salts: the same password hashes differently each time", async () => {
    const [a, b] = await Promise.all([hashPassword("救急难2025"), hashPassword("救急难2025")]);
    expect(a).not.toBe(b);
  });
});

describe("verifyPassword", () => {
  it.each([
    ["ASCII", "Staff#2025"],
    ["Chinese", "民政局救急难123"],
    ["empty", ""],
    ["very long", "x".repeat(1000)],
  ])("accepts the right %s password and refuses near misses", async (_label, password) => {
    const stored = await hashPassword(password);
    expect(await verifyPassword(password, stored)).toBe(true);
    expect(await verifyPassword(`${password}!`, stored)).toBe(false);
    expect(await verifyPassword("Staff#2024", stored)).toBe(false);
  });

  it("accepts the full-width form of a password typed half-width at sign-up", async () => {
    const stored = await hashPassword("pass123");
    expect(await verifyPassword("ｐａｓｓ１２３", stored)).toBe(true);
  });

  it("verifies with the parameters stored in the hash, not the current defaults", async () => {
    // Made with N=1024, r=8, p=1 by node's scrypt: an older, cheaper hash must still verify.
    const { scryptSync } = await import("node:crypto");
    const salt = Buffer.from("0123456789abcdef");
    const key = scryptSync("legacy-password", salt, 32, { N: 1024, r: 8, p: 1 });
    const stored = `scrypt$1024$8$1$${salt.toString("base64")}$${key.toString("base64")}`;
    expect(await verifyPassword("legacy-password", stored)).toBe(true);
    expect(await verifyPassword("legacy-passwore", stored)).toBe(false);
  });

  it.each([
    ["empty", ""],
    ["bcrypt hash", "$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"],
    ["plain text", "Staff#2025"],
    ["missing hash", "scrypt$16384$8$1$c2FsdA=="],
    ["N not a power of two", "scrypt$16000$8$1$c2FsdHNhbHRzYWx0c2E=$aGFzaA=="],
    ["N far too large", "scrypt$1073741824$8$1$c2FsdHNhbHRzYWx0c2E=$aGFzaA=="],
    ["p = 0", "scrypt$16384$8$0$c2FsdHNhbHRzYWx0c2E=$aGFzaA=="],
    ["not base64", "scrypt$16384$8$1$!!!$???"],
  ])("returns false for a stored value that is %s", async (_label, stored) => {
    expect(await verifyPassword("Staff#2025", stored)).toBe(false);
  });
});
