import { describe, expect, it } from "vitest";
import { action as loginAction } from "~/routes/_auth+/login.tsx";
import { action as logoutAction } from "~/routes/_auth+/logout.tsx";
import { action as signupAction } from "~/routes/_auth+/signup.tsx";
import { getSessionUserId } from "~/utils/session.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { createUser, responseOf } from "../factories/index.ts";

const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(fields), headers });
const args = (request: Request) => ({ request, params: {}, context: {} });
const cookieOf = (headers: Headers) => headers.get("Set-Cookie")?.split(";")[0] ?? "";

describe("login, sessions and logout", () => {
  it("logs in with the right password into a database session that logout revokes", async () => {
    const user = await createUser({ roles: ["DONOR"], password: "correct horse battery" });
    const ok = await responseOf(() => loginAction(args(post("/login", { email: user.email.toUpperCase(), password: "correct horse battery", redirectTo: "/needs" }))));
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/needs");
    const cookie = cookieOf(ok.headers);
    const withCookie = new Request("http://localhost/", { headers: { Cookie: cookie } });
    expect(await getSessionUserId(withCookie)).toBe(user.id);

    await logoutAction(args(post("/logout", {}, { Cookie: cookie })));
    expect(await getSessionUserId(withCookie)).toBeNull();
    expect(await prisma.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
  });

  it("refuses a wrong password with 401 and a message key, and never echoes the password", async () => {
    const user = await createUser({ roles: ["DONOR"], password: "correct horse battery" });
    const bad = await responseOf(() => loginAction(args(post("/login", { email: user.email, password: "wrong" }))));
    expect(bad.status).toBe(401);
    expect(bad.data).toMatchObject({ formError: "auth.badCredentials", values: { email: user.email } });
    expect(JSON.stringify(bad.data)).not.toContain("wrong");
  });

  it("does not follow a redirect to another site after login", async () => {
    const user = await createUser({ roles: ["DONOR"], password: "correct horse battery" });
    const ok = await responseOf(() => loginAction(args(post("/login", { email: user.email, password: "correct horse battery", redirectTo: "//evil.example" }))));
    expect(ok.headers.get("Location")).toBe("/");
  });
});

describe("signup", () => {
  it("answers bad input with field messages and 400, writing nothing", async () => {
    const before = await prisma.user.count();
    const result = await responseOf(() => signupAction(args(post("/signup", { email: "not-an-email", password: "short", displayName: "", accountType: "ADMIN" }))));
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({
      fieldErrors: {
        email: ["validation.email"],
        password: [expect.stringMatching(/^validation.passwordTooShort/)],
        displayName: ["validation.required"],
        accountType: ["validation.invalid"],
      },
    });
    expect(await prisma.user.count()).toBe(before);
  });

  it("creates a volunteer who can then log in, and refuses the same email twice with 409", async () => {
    const email = `new-${Date.now()}@test.jjn.cn`;
    const fields = { email, password: "a-long-password", displayName: "小李", accountType: "VOLUNTEER" };
    const created = await responseOf(() => signupAction(args(post("/signup", fields))));
    expect(created.status).toBe(302);
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user.roles).toEqual(["VOLUNTEER", "DONOR"]);
    expect(user.passwordHash).not.toContain("a-long-password");

    const again = await responseOf(() => signupAction(args(post("/signup", fields))));
    expect(again.status).toBe(409);
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });
});
