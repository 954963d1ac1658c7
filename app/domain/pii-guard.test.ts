import { describe, expect, it } from "vitest";
import { findPiiInPublicText, type BeneficiaryPii, type PiiKind } from "./pii-guard.ts";

const zhang: BeneficiaryPii = {
  name: "张秀英",
  idNumber: "34132219900101123X",
  phone: "13855123456",
  address: "安徽省合肥市肥东县店埠镇幸福村3组12号",
};

const kinds = (text: string, pii: BeneficiaryPii = zhang): PiiKind[] =>
  findPiiInPublicText(text, pii).map((finding) => finding.kind);

describe("findPiiInPublicText: text that may be published", () => {
  it.each([
    ["the alias", "张女士今年35岁，丈夫突发脑溢血住院，家中两个孩子还在读书。"],
    ["the alias with 先生", "张先生一家急需帮助。"],
    ["county and township are published on purpose", "安徽省合肥市肥东县店埠镇，张女士一家。"],
    ["masked ID number", "身份证号 3413**********123X"],
    ["amounts, dates and counts", "目标金额 200000 元，已筹 35000.50 元，2025年10月1日入院，住院 12 天。"],
    ["a hotline number is not a mobile", "如需帮助请拨打 12349 或 0551-12345。"],
    ["the surname alone", "张"],
    ["empty text", ""],
  ])("%s: %s", (_label, text) => {
    expect(kinds(text)).toEqual([]);
  });

  it("nothing is flagged when no personal data is known", () => {
    expect(kinds("张女士今年35岁。", {})).toEqual([]);
  });
});

describe("findPiiInPublicText: the beneficiary's own data", () => {
  it.each([
    ["full name", "张秀英今年35岁，丈夫突发脑溢血。", ["name"]],
    ["full name with a title", "张秀英女士急需帮助", ["name"]],
    ["name with a space", "患者 张 秀英", ["name"]],
    ["ID number", "身份证号34132219900101123X", ["idNumber"]],
    ["ID number with lower-case x", "身份证 34132219900101123x", ["idNumber"]],
    ["ID number in groups", "证件号 341322 19900101 123X", ["idNumber"]],
    ["ID number in full-width digits", "３４１３２２１９９００１０１１２３Ｘ", ["idNumber"]],
    ["phone", "联系电话13855123456", ["phone"]],
    ["phone split by spaces", "电话 138 5512 3456", ["phone"]],
    ["phone split by dashes", "电话 138-5512-3456", ["phone"]],
    ["phone with +86", "Tel +86 138 5512 3456", ["phone"]],
    ["full address", "家住安徽省合肥市肥东县店埠镇幸福村3组12号", ["address"]],
    ["address with blanks", "家住 店埠镇 幸福村 3组 12号", ["address"]],
    ["township and village", "店埠镇幸福村的张女士", ["address"]],
    ["village, group and house number", "幸福村3组12号", ["address"]],
    [
      "everything at once",
      "张秀英，身份证34132219900101123X，电话13855123456，住幸福村3组12号",
      ["name", "idNumber", "phone", "address"],
    ],
  ])("%s", (_label, text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });
});

describe("findPiiInPublicText: anyone's ID number or mobile", () => {
  it.each([
    ["a relative's ID number", "其子身份证号11010519491231002X", ["anyIdNumber"]],
    ["an ID number in groups", "110105 1949 1231 002X", ["anyIdNumber"]],
    ["an ID-like number with a bad check digit is still personal data", "110105194912310021", ["anyIdNumber"]],
    ["a neighbour's mobile", "邻居李先生电话13912345678", ["anyPhone"]],
    ["a mobile in groups", "联系 139-1234-5678", ["anyPhone"]],
    ["a mobile with 0086", "0086 139 1234 5678", ["anyPhone"]],
    ["a mobile right after another number", "3床 13912345678", ["anyPhone"]],
    ["own and another's", "张秀英电话13855123456，其夫电话13912345678", ["name", "phone", "anyPhone"]],
  ])("%s", (_label, text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it.each([
    ["a 19-digit number (bank card)", "6222021234567890123"],
    ["a 12-digit number", "订单 202510011234"],
    ["an 11-digit number not starting 13–19", "12345678901"],
    ["a 12-digit number starting like a mobile", "139123456789"],
  ])("ignores %s", (_label, text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe("findPiiInPublicText: names", () => {
  it.each([
    ["王先", "王先生一家", []], // the alias, even though the real name starts the same way
    ["王先", "王先住院了", ["name"]],
    ["李女", "李女士", []],
    ["欧阳娜娜", "欧阳女士", []],
    ["欧阳娜娜", "欧阳娜娜今年8岁", ["name"]],
    ["阿卜杜拉·艾合买提", "阿卜杜拉艾合买提一家", ["name"]],
    ["阿卜杜拉·艾合买提", "阿卜杜拉·艾合买提一家", ["name"]],
    ["Li Wei", "li wei was injured", ["name"]],
    ["张", "张女士，张家", []], // one character is too short to look for
  ])("name %s in %j", (name, text, expected) => {
    expect(kinds(text, { name })).toEqual(expected);
  });
});

describe("findPiiInPublicText: phones", () => {
  it.each([
    ["0551-65123456", "座机 0551 6512 3456", ["phone"]],
    ["0551-65123456", "电话65123456", ["phone"]], // the local number alone reaches the household
    ["010-12345678", "电话 (010) 1234-5678", ["phone"]],
    ["010-12345678", "电话 1234 5678", ["phone"]],
    ["+86 138 5512 3456", "13855123456", ["phone"]],
    ["8613855123456", "138 5512 3456", ["phone"]],
    ["13855123456", "1385512345", []], // one digit short
    ["123", "123", []], // too short to mean anything
  ])("phone %s in %j", (phone, text, expected) => {
    expect(kinds(text, { phone })).toEqual(expected);
  });
});

describe("findPiiInPublicText: addresses", () => {
  it.each([
    ["山东省济南市市中区七里山街道", "济南市市中区七里山街道", []], // nothing below the township
    ["山东省济南市市中区七里山街道阳光社区5号楼2单元301室", "阳光社区5号楼", ["address"]],
    ["山东省济南市市中区七里山街道阳光社区5号楼2单元301室", "山东省济南市市中区", []],
    ["广西壮族自治区南宁市青秀区南湖街道金湖路18号", "金湖路18号", ["address"]],
    ["广西壮族自治区南宁市青秀区南湖街道金湖路18号", "南宁市青秀区南湖街道", []],
    ["幸福村3组12号", "幸福村3组", []], // 5 characters are not enough to match…
    ["幸福村3组12号", "幸福村3组1", ["address"]], // …a run of 6 is
    ["幸福村3组12号", "幸福村的张女士", []],
    ["东风路8号", "东风路8号", ["address"]], // shorter than 6: the whole address
    ["东风路8号", "东风路", []],
    ["北京市朝阳区望京街道望京西园三区411号楼", "望京西园三区411", ["address"]],
    ["　安徽省合肥市肥东县店埠镇幸福村３组１２号", "幸福村3组12号", ["address"]], // full-width input
  ])("address %s in %j", (address, text, expected) => {
    expect(kinds(text, { address })).toEqual(expected);
  });
});
