import crypto from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { prisma } from "./db.server.ts";
import { getEnv } from "./env.server.ts";

export const SESSION_DAYS = 30;

const sessionCookie = createCookie("jjn_session", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: getEnv().NODE_ENV === "production" && !getEnv().PUBLIC_URL?.startsWith("http://"),
  secrets: [getEnv().SESSION_SECRET],
  maxAge: 60 * 60 * 24 * SESSION_DAYS,
});

// The cookie carries a random token; the database keeps only its hash, so a leaked table cannot
// be replayed as sessions.
const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

export async function createUserSession(userId: string, request: Request, redirectTo: string) {
  const token = crypto.randomBytes(32).toString("base64url");
  await prisma.session.create({
    data: {
      id: hashToken(token),
      userId,
      expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
      userAgent: request.headers.get("user-agent")?.slice(0, 200) ?? null,
    },
  });
  return redirect(redirectTo, { headers: { "Set-Cookie": await sessionCookie.serialize(token) } });
}

/** The live session's user id, or null (expired, revoked or no cookie). */
export async function getSessionUserId(request: Request): Promise<string | null> {
  const token: unknown = await sessionCookie.parse(request.headers.get("Cookie"));
  if (typeof token !== "string") return null;
  const session = await prisma.session.findUnique({
    where: { id: hashToken(token) },
    select: { userId: true, expiresAt: true, revokedAt: true, user: { select: { isActive: true } } },
  });
  if (!session || session.revokedAt || session.expiresAt < new Date() || !session.user.isActive) return null;
  return session.userId;
}

export async function destroyUserSession(request: Request, redirectTo: string) {
  const token: unknown = await sessionCookie.parse(request.headers.get("Cookie"));
  if (typeof token === "string") {
    await prisma.session.updateMany({ where: { id: hashToken(token), revokedAt: null }, data: { revokedAt: new Date() } });
  }
  return redirect(redirectTo, { headers: { "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0 }) } });
}

/** Revokes every session of a user (password change, deactivation). */
export async function revokeAllSessions(userId: string) {
  await prisma.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}
