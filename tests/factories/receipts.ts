// Rows for the receipt, mail and account-history tests: a published case with need lines, gifts,
// pledges, an organisation and a volunteer offer; and a reader for the .eml files the mail worker
// writes (RFC 2047 subjects, base64 / quoted-printable bodies).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { createCase, createCounty } from "./index.ts";

const unique = () => crypto.randomBytes(4).toString("hex");

/** What the factory's beneficiary holds (tests/factories/index.ts): none of it may leave the staff side. */
export const BENEFICIARY_SECRETS = ["测试受助人", "13800000000", "测试村 1 号"] as const;

export async function createPublishedCase() {
  const county = await createCounty();
  const office = await prisma.office.update({ where: { id: county.officeId }, data: { phone: "0557-5020000" } });
  const caseRow = await createCase(county, {
    status: "PUBLISHED",
    publicTitle: `急需手术费${unique()}`,
    publicStory: "公开的故事",
    alias: "张女士",
    publishedAt: new Date(),
  });
  const cash = await prisma.need.create({ data: { caseId: caseRow.id, kind: "CASH", title: "医疗费用", target: 5_000_000 } });
  const quilts = await prisma.need.create({ data: { caseId: caseRow.id, kind: "ITEM", title: "棉被", unit: "床", category: "BEDDING", target: 10, sortOrder: 1 } });
  const care = await prisma.need.create({ data: { caseId: caseRow.id, kind: "SERVICE", title: "陪护", category: "CARE", target: 40, sortOrder: 2 } });
  return { county, office, caseRow, needs: { cash, quilts, care } };
}

export async function createFund(regionCode: string, name = `测试县救急难公益基金${unique()}`) {
  return prisma.reliefFund.create({
    data: { name, regionCode, description: "测试基金", scopeCategories: ["MAJOR_ILLNESS"], perCaseCapFen: 1_000_000, reviewThresholdFen: 500_000, advanceCapFen: 300_000 },
  });
}

export async function createDonation(data: Partial<Prisma.DonationUncheckedCreateInput> & { amountFen: number }) {
  return prisma.donation.create({
    data: { receiptNo: `R-TEST-${unique()}${unique()}`, method: "CARD", status: "PAID", paidAt: new Date(), ...data },
  });
}

export async function createCommitment(data: Prisma.CommitmentUncheckedCreateInput) {
  return prisma.commitment.create({ data });
}

export async function createOrganizationWithMember(regionCode: string, userId: string, name = `测试慈善会${unique()}`) {
  return prisma.organization.create({
    data: {
      name,
      kind: "CHARITY",
      creditCode: `T${unique()}${unique()}${unique()}`.slice(0, 18),
      status: "VETTED",
      regionCode,
      description: "测试机构",
      contactName: "机构联系人",
      contactPhone: "0557-0000001",
      members: { create: { userId, role: "OWNER" } },
    },
  });
}

export async function createVolunteerOffer(userId: string, data: Partial<Prisma.VolunteerOfferUncheckedCreateInput> = {}) {
  return prisma.volunteerOffer.create({
    data: { userId, title: `周末陪护${unique()}`, description: "陪护服务", skills: ["CARE"], regionCodes: [], availability: "周末全天", hoursOffered: 20, ...data },
  });
}

export type ParsedEml = { headers: Record<string, string>; subject: string; to: string; text: string; html: string };

/** Every .eml file in a folder, parsed, oldest name first. */
export function readMailFolder(dir: string): Array<ParsedEml & { file: string }> {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".eml"))
    .sort()
    .map((file) => ({ file, ...parseEml(fs.readFileSync(path.join(dir, file), "utf8")) }));
}

/** Enough of RFC 822/2045/2047 for messages nodemailer writes: headers, one level of multipart. */
export function parseEml(source: string): ParsedEml {
  const { headers, body } = splitHeaders(source);
  const parts: Array<{ type: string; content: string }> = [];
  collectParts(headers, body, parts);
  return {
    headers,
    subject: decodeWords(headers["subject"] ?? ""),
    to: decodeWords(headers["to"] ?? ""),
    text: parts.find((p) => p.type.startsWith("text/plain"))?.content ?? "",
    html: parts.find((p) => p.type.startsWith("text/html"))?.content ?? "",
  };
}

function splitHeaders(source: string) {
  const normalised = source.replace(/\r\n/g, "\n");
  const end = normalised.indexOf("\n\n");
  const head = end === -1 ? normalised : normalised.slice(0, end);
  const body = end === -1 ? "" : normalised.slice(end + 2);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\n[ \t]+/g, " ").split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function collectParts(headers: Record<string, string>, body: string, out: Array<{ type: string; content: string }>) {
  const type = headers["content-type"] ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith("multipart/") && boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith("--")) break;
      const part = splitHeaders(chunk.replace(/^\n/, ""));
      collectParts(part.headers, part.body, out);
    }
    return;
  }
  out.push({ type: type.toLowerCase(), content: decodeBody(body, headers["content-transfer-encoding"] ?? "7bit") });
}

function decodeBody(body: string, encoding: string): string {
  switch (encoding.toLowerCase()) {
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    case "quoted-printable":
      return decodeQuotedPrintable(body.replace(/=\n/g, ""));
    default:
      return body;
  }
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "=" && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i]!, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** RFC 2047 words; adjacent words are joined as bytes first, since a character may span two. */
function decodeWords(value: string): string {
  return value.replace(/(=\?[^?]+\?[BQ]\?[^?]*\?=\s*)+/gi, (run) => {
    const bytes: Buffer[] = [];
    for (const [, kind, text] of run.matchAll(/=\?[^?]+\?([BQ])\?([^?]*)\?=/gi)) {
      bytes.push(kind!.toUpperCase() === "B" ? Buffer.from(text!, "base64") : Buffer.from(decodeQuotedPrintable(text!.replace(/_/g, " ")), "utf8"));
    }
    return Buffer.concat(bytes).toString("utf8") + (/\s$/.test(run) ? " " : "");
  });
}
