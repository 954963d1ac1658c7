// Messages of the money pages.
export const zhCN_money = {
  moneySection: { title: "" },
};
