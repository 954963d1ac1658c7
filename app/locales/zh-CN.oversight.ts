// Messages of the staff oversight pages (issue 3).
export const zhCN_oversight = {};
