import { z } from "zod";

// The one place that reads process.env (CONVENTIONS §14). Scripts set DATABASE_URL (embedded
// PostgreSQL) and the development secrets before the app is imported.
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url(),
  SESSION_SECRET: z.string().min(16),
  // 32 bytes, base64: AES-256-GCM key for ID numbers and the HMAC key for their look-up hash.
  PII_ENCRYPTION_KEY: z.string().refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes in base64"),
  PII_HASH_KEY: z.string().refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes in base64"),
  PORT: z.coerce.number().int().positive().default(3000),
  PUBLIC_URL: z.string().url().optional(),
  MEILI_URL: z.string().url().optional(),
  MEILI_KEY: z.string().optional(),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  STRIPE_API_URL: z.string().url().optional(), // a Stripe-compatible server instead of api.stripe.com (tests: the local stand-in)
  SMTP_URL: z.string().optional(),
  MAIL_DIR: z.string().default("data/mail"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (!cached) {
    const parsed = EnvSchema.safeParse(process.env);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${fields}`);
    }
    cached = parsed.data;
  }
  return cached;
}
