import { z } from "zod";
import { msg } from "~/utils/validation.ts";

export const PASSWORD_MIN = 8;

const email = z.string().max(254).email().transform((v) => v.toLowerCase());

export const LoginSchema = z.object({
  email,
  password: z.string().max(200),
  redirectTo: z.string().optional(),
});

export const SignupSchema = z.object({
  email,
  password: z.string().min(PASSWORD_MIN, msg("validation.passwordTooShort", { min: PASSWORD_MIN })).max(200),
  displayName: z.string().min(1).max(40),
  accountType: z.enum(["DONOR", "VOLUNTEER"]),
});

/** Only same-site paths, so a crafted link cannot bounce a fresh login to another site. */
export function safeRedirect(to: string | undefined, fallback = "/"): string {
  if (!to || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
