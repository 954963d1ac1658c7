// Messages of the staff casework pages (issue 3).
export const zhCN_casework = {};
