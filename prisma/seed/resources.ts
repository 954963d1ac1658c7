// Standing resources: organisations' relief projects (with money put into each project's account),
// volunteers' offers of time and offers of goods. Reserved/delivered figures are set afterwards
// from the commitments actually written (reconcile.ts).
import type { CaseCategory, ContributionSource, PrismaClient, ResourceStatus } from "~/generated/prisma/client.ts";
import type { SeedClock } from "./clock.ts";
import { DONORS_ACCOUNT, ensureAccount, postLedgerTransaction, projectAccount } from "~/modules/ledger/post-ledger-transaction.server.ts";
import { ORGS, type OrgKey } from "./organizations.ts";
import type { UserKey } from "./users.ts";

type ProjectSeed = {
  id: string;
  org: OrgKey;
  title: string;
  summary: string;
  description: string;
  categories: CaseCategory[];
  regionCodes: string[];
  minAge?: number;
  maxAge?: number;
  conditionTags: string[];
  perCaseCapFen: number;
  budgetFen: number;
  /** Money the organisation has put into the project's account. */
  fundedFen: number;
  fundedBy: ContributionSource;
  startsInDays: number;
  endsInDays: number;
};

export const PROJECTS = {
  warmHeart: {
    id: "seed-project-warm-heart",
    org: "charity",
    title: "大病救助“暖心”项目",
    summary: "为宿州市因患重大疾病、医保报销后自付费用仍难以承担的家庭提供医疗费用救助。",
    description:
      "项目资金来自社会募捐和定向捐赠，与各县区“救急难”工作衔接：民政部门核实并公开需求后，项目按个案确认资助额度，直接与定点医院结算或拨付至个案账户。每个家庭单次资助不超过 1 万元，全年预算 20 万元。",
    categories: ["MAJOR_ILLNESS"],
    regionCodes: ["3413"],
    conditionTags: ["SERIOUS_ILLNESS"],
    perCaseCapFen: 1_000_000,
    budgetFen: 20_000_000,
    fundedFen: 5_000_000,
    fundedBy: "CHARITY",
    startsInDays: -320,
    endsInDays: 400,
  },
  dream: {
    id: "seed-project-dream",
    org: "charity",
    title: "助学圆梦",
    summary: "资助宿州市因家庭突遭变故而面临辍学的高中生、大学新生完成学业。",
    description: "面向 16 至 22 周岁的在读学生，每人一次性资助学费及生活费最高 5000 元；需经民政部门核实家庭经济状况。",
    categories: ["EDUCATION"],
    regionCodes: ["3413"],
    minAge: 16,
    maxAge: 22,
    conditionTags: ["STUDENT"],
    perCaseCapFen: 500_000,
    budgetFen: 5_000_000,
    fundedFen: 2_000_000,
    fundedBy: "CHARITY",
    startsInDays: -200,
    endsInDays: 300,
  },
  rebuild: {
    id: "seed-project-rebuild",
    org: "enterprise",
    title: "灾后重建·安居助力",
    summary: "对萧县因火灾、暴雨等灾害致房屋损毁的困难家庭给予修缮资金支持。",
    description: "萧县鑫源粮油有限公司出资设立，每户最高 1 万元，用于房屋修缮材料和人工，优先支持危房、房屋损毁且无其他住所的家庭。",
    categories: ["DISASTER"],
    regionCodes: ["341322"],
    conditionTags: ["HOUSING_DAMAGED"],
    perCaseCapFen: 1_000_000,
    budgetFen: 3_000_000,
    fundedFen: 2_000_000,
    fundedBy: "ENTERPRISE",
    startsInDays: -180,
    endsInDays: 185,
  },
  companion: {
    id: "seed-project-companion",
    org: "socialWork",
    title: "困境家庭社工陪伴计划",
    summary: "为丧偶、重病、意外致困家庭提供为期三个月的社工个案陪伴与小额生活支持。",
    description: "由专业社工入户评估，制定陪伴计划：心理疏导、哀伤辅导、子女学业支持和资源链接，并视需要提供每户不超过 3000 元的小额生活补助。",
    categories: ["DEATH_OF_BREADWINNER", "MAJOR_ILLNESS", "ACCIDENT"],
    regionCodes: ["341322"],
    conditionTags: [],
    perCaseCapFen: 300_000,
    budgetFen: 1_000_000,
    fundedFen: 600_000,
    fundedBy: "CHARITY",
    startsInDays: -120,
    endsInDays: 245,
  },
  zhangDian: {
    id: "seed-project-zhangdian-wish",
    org: "ziboCharity",
    title: "“慈心助学·微心愿”救助项目",
    summary: "张店区慈善总会为因病、因学致困家庭提供医疗和助学资助。",
    description: "与张店区民政局“救急难”工作对接，对区内经核实的急难家庭给予每户最高 1 万元资助，用于医疗费用和学费。",
    categories: ["EDUCATION", "MAJOR_ILLNESS"],
    regionCodes: ["370303"],
    conditionTags: [],
    perCaseCapFen: 1_000_000,
    budgetFen: 5_000_000,
    fundedFen: 3_000_000,
    fundedBy: "CHARITY",
    startsInDays: -250,
    endsInDays: 115,
  },
} as const satisfies Record<string, ProjectSeed>;

export type ProjectKey = keyof typeof PROJECTS;

type VolunteerOfferSeed = {
  id: string;
  user?: UserKey;
  org?: OrgKey;
  title: string;
  description: string;
  skills: string[];
  regionCodes: string[];
  availability: string;
  hoursOffered: number;
  availableForDays?: number;
  status?: ResourceStatus;
};

export const VOLUNTEER_OFFERS = {
  care: { id: "seed-vol-care", user: "volunteer", title: "住院陪护与生活照料", description: "护理专业毕业，有三年病房护工经验，可在县人民医院、中医院陪护，帮助翻身、喂饭、协助康复训练。", skills: ["CARE", "COMPANIONSHIP"], regionCodes: ["341322"], availability: "周末全天", hoursOffered: 60 },
  transport: { id: "seed-vol-transport", user: "volunteerDriver", title: "就医接送（自有七座车）", description: "退役军人，自有七座商务车，可接送病人往返县医院、宿州市立医院和徐州的医院。", skills: ["TRANSPORT"], regionCodes: ["341322"], availability: "工作日晚上及周末", hoursOffered: 40 },
  socialWork: { id: "seed-vol-socialwork", org: "socialWork", title: "社工陪伴服务队：心理疏导与哀伤辅导", description: "持证社工 6 人，提供入户心理疏导、哀伤辅导、儿童陪伴和家庭资源链接。", skills: ["COUNSELLING", "COMPANIONSHIP"], regionCodes: ["341322"], availability: "工作日白天", hoursOffered: 120 },
  tutoring: { id: "seed-vol-tutoring", user: "volunteerTeacher", title: "中小学课业辅导（语文、数学）", description: "退休中学教师，可入户或线上为困境家庭的中小学生辅导功课。", skills: ["TUTORING"], regionCodes: ["3413"], availability: "周末全天", hoursOffered: 50 },
  legal: { id: "seed-vol-legal", user: "volunteerLawyer", title: "交通事故与劳动争议法律援助", description: "执业律师，提供交通事故赔偿、工伤和劳动争议的法律咨询与代书。", skills: ["LEGAL_AID"], regionCodes: ["3413"], availability: "工作日白天（需预约）", hoursOffered: 30, availableForDays: 180 },
  repair: { id: "seed-vol-repair", user: "volunteerDriver", title: "房屋简易修缮、水电维修", description: "有瓦工、电工经验，可组织三五人的小队做屋顶补漏、门窗和水电维修。", skills: ["REPAIR"], regionCodes: ["341322"], availability: "周末全天", hoursOffered: 80 },
  visiting: { id: "seed-vol-visiting", user: "volunteerManZhouLi", title: "独居老人冬季探访与陪伴", description: "社区志愿者，冬季每周入户探访独居老人，帮忙买菜、检查取暖设施、陪伴聊天（蒙汉双语）。", skills: ["COMPANIONSHIP", "CARE"], regionCodes: ["150781"], availability: "周末全天", hoursOffered: 40 },
} as const satisfies Record<string, VolunteerOfferSeed>;

export type VolunteerOfferKey = keyof typeof VOLUNTEER_OFFERS;

type SupplyOfferSeed = {
  id: string;
  org?: OrgKey;
  user?: UserKey;
  itemName: string;
  itemCategory: string;
  unit: string;
  quantity: number;
  regionCodes: string[];
  description: string;
  expiresInDays?: number;
};

export const SUPPLY_OFFERS = {
  quilts: { id: "seed-supply-quilts", org: "charity", itemName: "棉被", itemCategory: "BEDDING", unit: "床", quantity: 50, regionCodes: ["3413"], description: "冬季救助储备棉被（4 斤，含被套），由慈善协会仓库统一配送到乡镇服务站。", expiresInDays: 120 },
  rice: { id: "seed-supply-rice", org: "enterprise", itemName: "大米（10 公斤装）", itemCategory: "FOOD", unit: "袋", quantity: 100, regionCodes: ["341322"], description: "当季新米，企业自有车辆送货上门。", expiresInDays: 180 },
  schoolKits: { id: "seed-supply-school-kits", user: "donor", itemName: "书包文具套装", itemCategory: "SCHOOL_SUPPLIES", unit: "套", quantity: 30, regionCodes: ["3413"], description: "书包、文具盒、笔记本和台灯，适合小学至高中。" },
  winterCoats: { id: "seed-supply-winter-coats", org: "ziboCharity", itemName: "冬季棉服", itemCategory: "CLOTHING", unit: "套", quantity: 40, regionCodes: ["370303"], description: "成人及儿童尺码棉服，张店区慈善超市提供。", expiresInDays: 90 },
} as const satisfies Record<string, SupplyOfferSeed>;

export type SupplyOfferKey = keyof typeof SUPPLY_OFFERS;

export async function seedResources(prisma: PrismaClient, clock: SeedClock, users: Record<UserKey, string>) {
  for (const p of Object.values(PROJECTS) as ProjectSeed[]) {
    const { org, fundedFen, fundedBy, startsInDays, endsInDays, ...data } = p;
    await prisma.project.upsert({
      where: { id: p.id },
      update: {},
      create: {
        ...data,
        organizationId: ORGS[org].id,
        status: "ACTIVE",
        startsOn: clock.dayOffset(startsInDays),
        endsOn: clock.dayOffset(endsInDays),
        createdAt: clock.ago(-startsInDays + 5),
      },
    });
    await ensureAccount(prisma, { code: projectAccount(p.id), kind: "PROJECT", name: `${ORGS[org].name}·${p.title}`, projectId: p.id });
    await prisma.$transaction((tx) =>
      postLedgerTransaction(tx, {
        kind: "FUND_CONTRIBUTION",
        idempotencyKey: `seed:project-funding:${p.id}`,
        memo: `${p.title}项目资金拨入`,
        contributionSource: fundedBy,
        counterparty: ORGS[org].name,
        occurredAt: clock.ago(Math.min(-startsInDays, 90)),
        entries: [
          { accountCode: DONORS_ACCOUNT, amountFen: -fundedFen },
          { accountCode: projectAccount(p.id), amountFen: fundedFen },
        ],
      }),
    );
  }

  for (const v of Object.values(VOLUNTEER_OFFERS) as VolunteerOfferSeed[]) {
    const { user, org, availableForDays, ...data } = v;
    await prisma.volunteerOffer.upsert({
      where: { id: v.id },
      update: {},
      create: {
        ...data,
        userId: user ? users[user] : null,
        organizationId: org ? ORGS[org].id : null,
        availableUntil: availableForDays === undefined ? null : clock.dayOffset(availableForDays),
        createdAt: clock.ago(75),
      },
    });
  }

  for (const s of Object.values(SUPPLY_OFFERS) as SupplyOfferSeed[]) {
    const { user, org, expiresInDays, ...data } = s;
    await prisma.supplyOffer.upsert({
      where: { id: s.id },
      update: {},
      create: {
        ...data,
        userId: user ? users[user] : null,
        organizationId: org ? ORGS[org].id : null,
        expiresOn: expiresInDays === undefined ? null : clock.dayOffset(expiresInDays),
        createdAt: clock.ago(70),
      },
    });
  }
}
