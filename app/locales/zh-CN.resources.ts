// Messages of the resources pages.
export const zhCN_resources = {
  resourcesSection: { title: "" },
};
