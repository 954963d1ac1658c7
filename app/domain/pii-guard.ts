/**
 * Refuses publication of text that identifies the beneficiary (DESIGN §4: the public face carries
 * an alias such as 张女士, an age band and the county/township, never the name, ID number, phone
 * or exact address).
 *
 * It errs towards flagging: a false alarm costs staff one edit, a leak cannot be taken back.
 */

export type PiiKind = "name" | "idNumber" | "phone" | "address" | "anyIdNumber" | "anyPhone";
export type PiiFinding = { kind: PiiKind };
export type BeneficiaryPii = { name?: string; idNumber?: string; phone?: string; address?: string };

/** Shortest run of the address that counts as giving it away. */
export const ADDRESS_MATCH_MIN_LENGTH = 6;
/** Shorter names would match ordinary words ("王", "李"). */
const NAME_MIN_LENGTH = 2;
const POLITE_TITLES = ["女士", "先生"] as const;

// NFKC folds full-width digits, letters and spaces (１３８, Ｘ) into ASCII, so they cannot slip past.
function normalize(text: string): string {
  return text.normalize("NFKC").toUpperCase();
}

// Blanks, dashes and the middle dot of minority names (阿卜杜拉·艾合买提) are dropped before
// comparing names and addresses, so "张 三" and "张三" are the same name.
function compact(text: string): string {
  return normalize(text).replace(/[\s\-‐‑–—·•・.]/g, "");
}

// Only separators between digits are removed, so "138 0013 8000" and "0551-6512 3456" become one
// number while separate numbers in prose ("2人 3天") stay apart.
function joinDigitGroups(text: string): string {
  return normalize(text).replace(/(?<=\d)[\s\-‐‑–—.()]+(?=[\dX])/g, "");
}

function digitsOnly(text: string): string {
  return normalize(text).replace(/\D/g, "");
}

function findAll(haystack: string, needle: string): number[] {
  const positions: number[] = [];
  if (needle.length === 0) return positions;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) positions.push(i);
  return positions;
}

/**
 * 张女士 is the sanctioned alias. If the real name happens to start the same way (王先 + 生 →
 * 王先生, 李女 + 士 → 李女士), an occurrence that is really "surname + title" is not the name.
 */
function isPoliteAlias(text: string, at: number, name: string): boolean {
  for (const surnameLength of [1, 2]) {
    if (surnameLength >= name.length) continue;
    const title = text.slice(at + surnameLength, at + surnameLength + 2);
    if (POLITE_TITLES.some((t) => t === title && t.startsWith(name.slice(surnameLength)))) return true;
  }
  return false;
}

function containsName(text: string, rawName: string): boolean {
  const name = compact(rawName);
  if (name.length < NAME_MIN_LENGTH) return false;
  const haystack = compact(text);
  return findAll(haystack, name).some((at) => !isPoliteAlias(haystack, at, name));
}

function containsIdNumber(text: string, rawIdNumber: string): boolean {
  const idNumber = compact(rawIdNumber);
  return idNumber.length > 0 && compact(text).includes(idNumber);
}

/** Phone numbers as digit strings that identify the person: with and without +86, and a landline's local part. */
function phoneVariants(rawPhone: string): string[] {
  let digits = digitsOnly(rawPhone);
  if (digits.startsWith("0086")) digits = digits.slice(4);
  else if (digits.startsWith("86") && digits.length === 13) digits = digits.slice(2);
  if (digits.length < 7) return [];
  const variants = [digits];
  // Landlines: 010 and 02x have 3-digit area codes, all others 4; the local number alone still
  // reaches the household.
  if (digits.startsWith("0") && digits.length >= 10) {
    variants.push(digits.slice(/^0[12]/.test(digits) ? 3 : 4));
  }
  return variants;
}

function containsPhone(text: string, rawPhone: string): boolean {
  const runs = digitRuns(text);
  return phoneVariants(rawPhone).some((variant) => runs.some((run) => run.includes(variant)));
}

/**
 * Digit runs of the text both as written and with digit groups joined: joining catches
 * "138 0013 8000", but could also glue a number onto a neighbouring one ("床号 3 13800138000").
 */
function numberViews(text: string): string[] {
  return [normalize(text), joinDigitGroups(text)];
}

function digitRuns(text: string): string[] {
  return numberViews(text).flatMap((view) => view.match(/\d+/g) ?? []);
}

/**
 * One leading administrative part (province … township) of an address. These are published on
 * purpose as the case's county/township, so on their own they are not "the address". A part may
 * not run into anything below township level (village, group, road, number); excluding 路 also
 * catches 路桥区, which is then over-protected rather than under-protected.
 */
const ADMIN_SEGMENT =
  /^(?:(?!社区|小区|村|组|号|路|街(?!道)|巷|弄|栋|幢|室|单元|\d).){1,12}?(?:特别行政区|自治区|自治州|自治县|自治旗|民族乡|地区|街道|苏木|省|市|州|盟|县|区|旗|镇|乡)/;

function administrativePrefixLength(address: string): number {
  let rest = address;
  while (true) {
    const match = ADMIN_SEGMENT.exec(rest);
    if (!match) return address.length - rest.length;
    rest = rest.slice(match[0].length);
  }
}

function containsAddress(text: string, rawAddress: string): boolean {
  const address = compact(rawAddress);
  if (address.length === 0) return false;
  const haystack = compact(text);
  if (address.length < ADDRESS_MATCH_MIN_LENGTH) return haystack.includes(address);
  const publicPrefix = administrativePrefixLength(address);
  if (publicPrefix === address.length) return false; // nothing below township level to protect
  // Every window that reaches below the township: "店埠镇幸福村" gives the village away,
  // "合肥市肥东县" does not.
  for (let end = Math.max(ADDRESS_MATCH_MIN_LENGTH, publicPrefix + 1); end <= address.length; end++) {
    if (haystack.includes(address.slice(end - ADDRESS_MATCH_MIN_LENGTH, end))) return true;
  }
  return false;
}

// An 18-character run not inside a longer number (an order number, a bank account).
const ID_NUMBER_LIKE = /(?<!\d)\d{17}[\dX](?!\d)/g;
// Mainland mobile numbers, optionally with the country code.
const MOBILE_LIKE = /(?<!\d)(?:0?0?86)?(1[3-9]\d{9})(?!\d)/g;

function otherIdNumbers(text: string, ownIdNumber: string | undefined): string[] {
  const own = ownIdNumber ? compact(ownIdNumber) : undefined;
  return numberViews(text)
    .flatMap((view) => [...view.matchAll(ID_NUMBER_LIKE)].map((m) => m[0]))
    .filter((id) => id !== own);
}

function otherMobiles(text: string, ownPhone: string | undefined): string[] {
  const own = ownPhone ? phoneVariants(ownPhone) : [];
  return numberViews(text)
    .flatMap((view) => [...view.matchAll(MOBILE_LIKE)].map((m) => m[1]!))
    .filter((mobile) => !own.includes(mobile));
}

/**
 * What in `text` would identify the beneficiary, one finding per kind, in a fixed order.
 * anyIdNumber / anyPhone are numbers other than the beneficiary's own (a relative's, a
 * neighbour's), which must not be published either.
 */
export function findPiiInPublicText(text: string, pii: BeneficiaryPii): PiiFinding[] {
  const found: Record<PiiKind, boolean> = {
    name: pii.name !== undefined && containsName(text, pii.name),
    idNumber: pii.idNumber !== undefined && containsIdNumber(text, pii.idNumber),
    phone: pii.phone !== undefined && containsPhone(text, pii.phone),
    address: pii.address !== undefined && containsAddress(text, pii.address),
    anyIdNumber: otherIdNumbers(text, pii.idNumber).length > 0,
    anyPhone: otherMobiles(text, pii.phone).length > 0,
  };
  const order: PiiKind[] = ["name", "idNumber", "phone", "address", "anyIdNumber", "anyPhone"];
  return order.filter((kind) => found[kind]).map((kind) => ({ kind }));
}
