// Vetted charity, enterprise and social-work agency (and one still waiting for vetting), each
// with a 统一社会信用代码 whose check characters are right.
import type { OrganizationKind, OrganizationStatus, PrismaClient } from "~/generated/prisma/client.ts";
import type { SeedClock } from "./clock.ts";
import { makeCreditCode } from "./identity.ts";
import type { UserKey } from "./users.ts";

type OrgSeed = {
  id: string;
  name: string;
  kind: OrganizationKind;
  creditCode: string;
  status: OrganizationStatus;
  regionCode: string;
  description: string;
  contactName: string;
  contactPhone: string;
  website?: string;
  vettedDaysAgo?: number;
  owner: UserKey;
};

export const ORGS = {
  charity: {
    id: "seed-org-suzhou-charity",
    name: "宿州市慈善协会",
    kind: "CHARITY",
    creditCode: makeCreditCode("51", "341300", "MJ150826"),
    status: "VETTED",
    regionCode: "3413", // 宿州市 (cities are 4-digit codes in the tree; the credit code carries 341300)
    description: "经民政部门登记认定的慈善组织，长期开展大病救助、助学圆梦等慈善救助项目，与各县区“救急难”工作对接，做到救助资源与救助需求信息共享。",
    contactName: "高洁",
    contactPhone: "0557-3046688",
    website: "https://www.szcsxh.org.cn",
    vettedDaysAgo: 300,
    owner: "orgCharity",
  },
  enterprise: {
    id: "seed-org-xinyuan-grain",
    name: "萧县鑫源粮油有限公司",
    kind: "ENTERPRISE",
    creditCode: makeCreditCode("91", "341322", "MA2NK7P3"),
    status: "VETTED",
    regionCode: "341322",
    description: "萧县本地粮油加工企业，向萧县救急难公益基金定向捐赠，并长期提供大米、面粉等生活物资用于急难家庭应急救助。",
    contactName: "马强",
    contactPhone: "0557-5078866",
    vettedDaysAgo: 200,
    owner: "orgEnterprise",
  },
  socialWork: {
    id: "seed-org-yangguang-sw",
    name: "萧县阳光社会工作服务中心",
    kind: "SOCIAL_WORK",
    creditCode: makeCreditCode("52", "341322", "MJ3Q0571"),
    status: "VETTED",
    regionCode: "341322",
    description: "专业社工机构，承接政府购买社会救助服务，为困境家庭提供心理疏导、哀伤辅导、入户探访和资源链接等陪伴服务。",
    contactName: "刘婷",
    contactPhone: "0557-5096123",
    vettedDaysAgo: 150,
    owner: "orgSocialWork",
  },
  ziboCharity: {
    id: "seed-org-zhangdian-charity",
    name: "淄博市张店区慈善总会",
    kind: "CHARITY",
    creditCode: makeCreditCode("51", "370303", "MJ4D2268"),
    status: "VETTED",
    regionCode: "370303",
    description: "张店区慈善总会，开展“慈心助学”“微心愿”等救助项目，配合区民政局做好困难群众“救急难”工作。",
    contactName: "王建华",
    contactPhone: "0533-2865120",
    vettedDaysAgo: 240,
    owner: "orgZibo",
  },
  pending: {
    id: "seed-org-beijiang-volunteers",
    name: "满洲里市北疆志愿服务中心",
    kind: "SOCIAL_WORK",
    creditCode: makeCreditCode("52", "150781", "MJ7T1903"),
    status: "PENDING",
    regionCode: "150781",
    description: "由口岸社区志愿者发起，为独居老人、困境儿童提供冬季入户探访和生活照料服务，已提交登记证书，等待民政部门审核。",
    contactName: "其木格",
    contactPhone: "0470-6239901",
    owner: "orgPending",
  },
} as const satisfies Record<string, OrgSeed>;

export type OrgKey = keyof typeof ORGS;

export async function seedOrganizations(prisma: PrismaClient, clock: SeedClock, users: Record<UserKey, string>) {
  for (const org of Object.values(ORGS) as OrgSeed[]) {
    const { owner, vettedDaysAgo, ...data } = org;
    const exists = await prisma.organization.findUnique({ where: { id: org.id }, select: { id: true } });
    if (!exists) {
      const vettedAt = vettedDaysAgo === undefined ? null : clock.ago(vettedDaysAgo);
      await prisma.$transaction(async (tx) => {
        await tx.organization.create({
          data: { ...data, createdAt: clock.ago((vettedDaysAgo ?? 3) + 7), vettedAt, vettedById: vettedAt ? users.staffXiao : null },
        });
        if (vettedAt) {
          await tx.auditEvent.create({
            data: { at: vettedAt, actorId: users.staffXiao, action: "organization.vet", entityType: "Organization", entityId: org.id, fromState: "PENDING", toState: "VETTED", detail: { creditCodeChecked: true } },
          });
        }
      });
    }
    await prisma.organizationMember.upsert({
      where: { organizationId_userId: { organizationId: org.id, userId: users[owner] } },
      update: {},
      create: { organizationId: org.id, userId: users[owner], role: "OWNER" },
    });
  }
}
