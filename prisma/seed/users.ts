// Demo accounts (demo-logins.ts) plus a few volunteers and staff that the other rows refer to.
import type { PrismaClient, Role } from "~/generated/prisma/client.ts";
import { hashPassword } from "~/utils/password.server.ts";
import { DEMO_PASSWORD } from "./demo-logins.ts";
import { OFFICES } from "./offices.ts";

type UserSeed = { id: string; email: string; displayName: string; phone: string; roles: Role[]; scopeRegionCode: string | null; officeId: string | null };

export const USERS = {
  admin: { id: "seed-user-admin", email: "admin@demo.jjn.cn", displayName: "系统管理员", phone: "13905570001", roles: ["ADMIN", "STAFF"], scopeRegionCode: null, officeId: null },
  staffXiao: { id: "seed-user-staff-xiaoxian", email: "staff.xiaoxian@demo.jjn.cn", displayName: "周敏", phone: "13905570002", roles: ["STAFF"], scopeRegionCode: "341322", officeId: OFFICES.xiaoXian.id },
  reviewerXiao: { id: "seed-user-reviewer-xiaoxian", email: "reviewer.xiaoxian@demo.jjn.cn", displayName: "孙立新", phone: "13905570003", roles: ["STAFF", "REVIEWER"], scopeRegionCode: "341322", officeId: OFFICES.xiaoXian.id },
  staffLongCheng: { id: "seed-user-staff-longcheng", email: "staff.longcheng@demo.jjn.cn", displayName: "朱红梅", phone: "13905570004", roles: ["STAFF"], scopeRegionCode: "341322100", officeId: OFFICES.longCheng.id },
  staffZibo: { id: "seed-user-staff-zibo", email: "staff.zibo@demo.jjn.cn", displayName: "韩雪", phone: "15953300005", roles: ["STAFF"], scopeRegionCode: "370303", officeId: OFFICES.zhangDian.id },
  staffManZhouLi: { id: "seed-user-staff-manzhouli", email: "staff.manzhouli@demo.jjn.cn", displayName: "乌云其其格", phone: "15847000006", roles: ["STAFF"], scopeRegionCode: "150781", officeId: OFFICES.manZhouLi.id },
  staffZhaLanTun: { id: "seed-user-staff-zhalantun", email: "staff.zhalantun@demo.jjn.cn", displayName: "郭志刚", phone: "15847000007", roles: ["STAFF"], scopeRegionCode: "150783", officeId: OFFICES.zhaLanTun.id },
  staffYongQiao: { id: "seed-user-staff-yongqiao", email: "staff.yongqiao@demo.jjn.cn", displayName: "许文静", phone: "13905570008", roles: ["STAFF"], scopeRegionCode: "341302", officeId: OFFICES.yongQiao.id },
  orgCharity: { id: "seed-user-org-charity", email: "org.charity@demo.jjn.cn", displayName: "高洁", phone: "13805570011", roles: ["ORG_MEMBER"], scopeRegionCode: null, officeId: null },
  orgEnterprise: { id: "seed-user-org-enterprise", email: "org.enterprise@demo.jjn.cn", displayName: "马强", phone: "13805570012", roles: ["ORG_MEMBER"], scopeRegionCode: null, officeId: null },
  orgSocialWork: { id: "seed-user-org-socialwork", email: "org.socialwork@demo.jjn.cn", displayName: "刘婷", phone: "13805570013", roles: ["ORG_MEMBER", "VOLUNTEER"], scopeRegionCode: null, officeId: null },
  orgZibo: { id: "seed-user-org-zibo", email: "org.zibo@demo.jjn.cn", displayName: "王建华", phone: "15953300014", roles: ["ORG_MEMBER"], scopeRegionCode: null, officeId: null },
  orgPending: { id: "seed-user-org-pending", email: "org.pending@demo.jjn.cn", displayName: "其木格", phone: "15847000015", roles: ["ORG_MEMBER"], scopeRegionCode: null, officeId: null },
  donor: { id: "seed-user-donor", email: "donor@demo.jjn.cn", displayName: "李明", phone: "13705570021", roles: ["DONOR"], scopeRegionCode: null, officeId: null },
  volunteer: { id: "seed-user-volunteer", email: "volunteer@demo.jjn.cn", displayName: "陈晓燕", phone: "13705570022", roles: ["VOLUNTEER", "DONOR"], scopeRegionCode: null, officeId: null },
  volunteerDriver: { id: "seed-user-volunteer-driver", email: "volunteer.driver@demo.jjn.cn", displayName: "张海军", phone: "13705570023", roles: ["VOLUNTEER"], scopeRegionCode: null, officeId: null },
  volunteerTeacher: { id: "seed-user-volunteer-teacher", email: "volunteer.teacher@demo.jjn.cn", displayName: "王静", phone: "13705570024", roles: ["VOLUNTEER", "DONOR"], scopeRegionCode: null, officeId: null },
  volunteerLawyer: { id: "seed-user-volunteer-lawyer", email: "volunteer.lawyer@demo.jjn.cn", displayName: "刘振", phone: "13705570025", roles: ["VOLUNTEER"], scopeRegionCode: null, officeId: null },
  volunteerManZhouLi: { id: "seed-user-volunteer-manzhouli", email: "volunteer.manzhouli@demo.jjn.cn", displayName: "巴特尔", phone: "15847000026", roles: ["VOLUNTEER", "DONOR"], scopeRegionCode: null, officeId: null },
} as const satisfies Record<string, UserSeed>;

export type UserKey = keyof typeof USERS;

/**
 * Upserts by e-mail (the natural key people log in with). Passwords are hashed only for accounts
 * that do not exist yet: scrypt is deliberately slow, and a re-run must not change anyone's hash.
 * Returns the database id of each account (the fixed id, unless the e-mail already existed).
 */
export async function seedUsers(prisma: PrismaClient): Promise<Record<UserKey, string>> {
  const seeds = Object.entries(USERS) as Array<[UserKey, UserSeed]>;
  const existing = await prisma.user.findMany({ where: { email: { in: seeds.map(([, u]) => u.email) } }, select: { id: true, email: true } });
  const idByEmail = new Map(existing.map((u) => [u.email, u.id]));

  const missing = seeds.filter(([, u]) => !idByEmail.has(u.email));
  const hashes = await Promise.all(missing.map(() => hashPassword(DEMO_PASSWORD)));
  await prisma.user.createMany({
    data: missing.map(([, u], i) => ({ ...u, roles: [...u.roles], passwordHash: hashes[i]!, locale: "zh-CN" })),
    skipDuplicates: true,
  });
  const all = await prisma.user.findMany({ where: { email: { in: seeds.map(([, u]) => u.email) } }, select: { id: true, email: true } });
  const ids = new Map(all.map((u) => [u.email, u.id]));
  return Object.fromEntries(seeds.map(([key, u]) => [key, ids.get(u.email)!])) as Record<UserKey, string>;
}
