// The plan demo's beneficiary (plan-demo.ts), as data only: the privacy crawl (a Playwright spec,
// which cannot load the seed's code) imports it to check that no public page shows it.
/** The demo beneficiary: private; the privacy crawl checks no public page shows it. */
export const PLAN_DEMO_PERSON = {
  name: "孙立平",
  sex: "M" as const,
  birthDate: "1975-04-18",
  idSeq: 153,
  phone: "13956700987",
  address: "安徽省宿州市萧县新庄镇前楼村四组 21 号",
  healthNotes: "确诊弥漫大B细胞淋巴瘤，已入院开始化疗，预计需 4 个疗程。",
  householdSize: 4,
  monthlyIncomeFen: 210_000,
  monthlyEssentialFen: 880_000,
  vulnerableMembers: ["SERIOUS_ILLNESS", "CHILD"],
};
