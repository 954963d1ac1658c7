import { describe, expect, it } from "vitest";
import { publicGiverName } from "./public-giver.ts";

describe("publicGiverName", () => {
  it.each([
    ["a named donor", { isAnonymous: false, pledgerName: "李明" }, "李明"],
    ["an anonymous donor, even with a name on file", { isAnonymous: true, pledgerName: "李明" }, null],
    ["a donor without a name", { isAnonymous: false, pledgerName: null }, null],
    ["a blank name", { isAnonymous: false, pledgerName: "   " }, null],
    ["an organisation before the member who pledged", { isAnonymous: false, pledgerName: "张三", organizationName: "萧县慈善协会" }, "萧县慈善协会"],
    ["a fund", { isAnonymous: false, pledgerName: null, fundName: "萧县救急难公益基金" }, "萧县救急难公益基金"],
    ["a project without its organisation", { isAnonymous: false, pledgerName: null, projectTitle: "大病救助项目" }, "大病救助项目"],
  ] as const)("%s", (_label, giver, expected) => {
    expect(publicGiverName(giver)).toBe(expected);
  });
});
