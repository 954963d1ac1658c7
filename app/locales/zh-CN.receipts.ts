// Messages of the receipts pages.
export const zhCN_receipts = {
  receiptsSection: { title: "" },
};
