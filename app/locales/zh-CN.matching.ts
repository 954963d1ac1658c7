// Messages of the matching pages.
export const zhCN_matching = {
  matchingSection: { title: "" },
};
