// Messages of the staff publication pages (issue 3).
export const zhCN_publication = {};
