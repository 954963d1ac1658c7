// Messages of the staff intake pages (issue 3).
export const zhCN_intake = {};
