// Demo accounts printed by `npm start` and used by the e2e `login({ role })` fixture.
// Every seeded account (these and the few extra volunteers/staff in users.ts) has this password.
export const DEMO_PASSWORD = "jjn-demo-2026";

export const DEMO_LOGINS = [
  { role: "admin", email: "admin@demo.jjn.cn", label: "系统管理员（全国，兼民政工作人员）" },
  { role: "staff", email: "staff.xiaoxian@demo.jjn.cn", label: "萧县民政局 工作人员" },
  { role: "reviewer", email: "reviewer.xiaoxian@demo.jjn.cn", label: "萧县民政局 复核人（一事一议）" },
  { role: "staff-station", email: "staff.longcheng@demo.jjn.cn", label: "萧县龙城镇社会救助服务站 工作人员" },
  { role: "staff-zibo", email: "staff.zibo@demo.jjn.cn", label: "淄博市张店区民政局 工作人员" },
  { role: "staff-manzhouli", email: "staff.manzhouli@demo.jjn.cn", label: "满洲里市民政局 工作人员" },
  { role: "org-charity", email: "org.charity@demo.jjn.cn", label: "宿州市慈善协会（慈善组织）" },
  { role: "org-enterprise", email: "org.enterprise@demo.jjn.cn", label: "萧县鑫源粮油有限公司（企业）" },
  { role: "org-social-work", email: "org.socialwork@demo.jjn.cn", label: "萧县阳光社会工作服务中心（社工机构）" },
  { role: "donor", email: "donor@demo.jjn.cn", label: "爱心捐赠人" },
  { role: "volunteer", email: "volunteer@demo.jjn.cn", label: "志愿者（兼捐赠人）" },
] as const satisfies ReadonlyArray<{ role: string; email: string; label: string }>;

export type DemoRole = (typeof DEMO_LOGINS)[number]["role"];
