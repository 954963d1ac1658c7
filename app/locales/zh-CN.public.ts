// Messages of the public resource pages (fund, projects, volunteering, organisations, disclosures).
export const zhCNPublic = {};
