// Messages of the pledges pages.
export const zhCN_pledges = {
  pledgesSection: { title: "" },
};
