import { prisma } from "~/utils/db.server.ts";
import { hashPassword, verifyPassword } from "~/utils/password.server.ts";

// Checked when the email is unknown too, so response time does not reveal which emails exist.
const dummyHash = hashPassword("not-a-real-password");

/** The user id for a correct email and password of an active account, else null. */
export async function authenticate(email: string, password: string): Promise<string | null> {
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, isActive: true } });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
  return ok && user?.isActive ? user.id : null;
}
