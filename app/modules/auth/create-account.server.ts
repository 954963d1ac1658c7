import { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { hashPassword } from "~/utils/password.server.ts";

export type NewAccount = { email: string; password: string; displayName: string; accountType: "DONOR" | "VOLUNTEER" };

/** A donor or volunteer account; `emailTaken` when the address is registered already. */
export async function createAccount(input: NewAccount): Promise<{ ok: true; userId: string } | { ok: false; reason: "emailTaken" }> {
  const roles = input.accountType === "VOLUNTEER" ? (["VOLUNTEER", "DONOR"] as const) : (["DONOR"] as const);
  try {
    const user = await prisma.user.create({
      data: { email: input.email, passwordHash: await hashPassword(input.password), displayName: input.displayName, roles: [...roles] },
      select: { id: true },
    });
    return { ok: true, userId: user.id };
  } catch (error) {
    // The unique index decides, so two sign-ups racing for one address cannot both succeed.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, reason: "emailTaken" };
    throw error;
  }
}
