// Suggestions for the publish form: an alias such as 张女士 and the age band, worked out from the
// beneficiary's record on the server so the name and the ID number never reach the page.
import { ageOn, validateIdNumber } from "~/domain/id-number.ts";
import type { AgeBandName } from "./publish-case-schema.ts";

/** Two-character surnames (复姓) that a name may start with; any other name's surname is its first character. */
const COMPOUND_SURNAMES = [
  "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕",
  "令狐", "端木", "独孤", "南宫", "西门", "百里", "呼延", "万俟", "闻人", "赫连", "澹台", "申屠", "太史", "公冶",
  "钟离", "宗政", "濮阳", "淳于", "单于", "拓跋",
];

const HAN = /^\p{Script=Han}+$/u;

/** The surname of a Han name, or null when the name has no surname in that sense (阿卜杜拉·艾合买提, Latin names). */
export function surnameOf(name: string): string | null {
  const compact = name.replace(/\s/g, "");
  if (compact.length < 2 || !HAN.test(compact)) return null;
  return COMPOUND_SURNAMES.find((surname) => compact.startsWith(surname) && compact.length > surname.length) ?? compact[0]!;
}

export function ageBandForAge(age: number): AgeBandName {
  return age < 18 ? "CHILD" : age < 35 ? "YOUNG_ADULT" : age < 60 ? "ADULT" : "SENIOR";
}

/** 小李同学 for a minor, 王老人 from 60, otherwise 女士/先生 by sex; null when unknown. */
export function suggestAlias(surname: string | null, sex: "M" | "F" | null, age: number | null): string | null {
  if (!surname) return null;
  if (age !== null && age < 18) return `${surname}同学`;
  if (age !== null && age >= 60) return `${surname}老人`;
  if (sex === "F") return `${surname}女士`;
  if (sex === "M") return `${surname}先生`;
  return null;
}

function sexOf(gender: string | null, idSex: "M" | "F" | null): "M" | "F" | null {
  const g = gender?.trim().toUpperCase();
  if (g === "F" || g === "女" || g === "FEMALE") return "F";
  if (g === "M" || g === "男" || g === "MALE") return "M";
  return idSex;
}

/** What the form offers as defaults: no personal data, only the derived alias and band. */
export function suggestPublicFace(
  person: { name: string; gender: string | null; birthYear: number | null; idNumber: string | null },
  today: string,
): { alias: string | null; ageBand: AgeBandName | null } {
  const id = person.idNumber ? validateIdNumber(person.idNumber) : null;
  let age: number | null = null;
  if (id?.ok) {
    try {
      age = ageOn(id.value, today);
    } catch {
      age = null; // a birth date after today is a data error; make no suggestion
    }
  } else if (person.birthYear) {
    // Only the year is known: the age this year, possibly one too high before the birthday.
    age = Number(today.slice(0, 4)) - person.birthYear;
  }
  const sex = sexOf(person.gender, id?.ok ? id.sex : null);
  return { alias: suggestAlias(surnameOf(person.name), sex, age), ageBand: age === null || age < 0 ? null : ageBandForAge(age) };
}
