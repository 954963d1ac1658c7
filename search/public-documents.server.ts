// The ONE place where database rows become search documents (DESIGN §7: the index holds public
// fields only). Every query here selects public fields explicitly: cases through PUBLIC_CASE_SELECT
// (never the Beneficiary or the intake note), organisations without their contact person or phone,
// volunteer offers without the volunteer's user row.
import type { Prisma } from "~/generated/prisma/client.ts";
import { ancestorRegionCodes } from "~/domain/region-codes.ts";
import { PUBLIC_CASE_SELECT, PUBLIC_STATUSES, type PublicCase } from "~/modules/public/public-case-select.server.ts";
import { getRegionNames } from "~/modules/resources/region-names.server.ts";
import { shanghaiDate } from "~/utils/dates.ts";
import { prisma } from "~/utils/db.server.ts";
import { vocabularyOf } from "./document-vocabulary.ts";
import type { DocumentType, SearchDocument } from "./search-engine.ts";

export function documentId(type: DocumentType, key: string): string {
  return `${type}:${key}`;
}

/** Every code of the given regions and their ancestors, each once, province codes first. */
function regionCodesOf(codes: readonly string[]): string[] {
  return [...new Set(codes.flatMap((c) => ancestorRegionCodes(c)))].sort((a, b) => a.length - b.length || a.localeCompare(b));
}

const isPublicCaseStatus = (status: string) => (PUBLIC_STATUSES as readonly string[]).includes(status);

// ───────────────────────────── needs (published cases) ─────────────────────────────

export const PUBLIC_NEED_WHERE = { status: { in: [...PUBLIC_STATUSES] } } as const satisfies Prisma.CaseWhereInput;

/** A published, fulfilled or closed case as a document; null for any other status. */
export function needDocument(row: PublicCase): SearchDocument | null {
  if (!isPublicCaseStatus(row.status)) return null;
  const title = row.publicTitle ?? row.alias ?? row.caseNo;
  return {
    id: documentId("need", row.caseNo),
    type: "need",
    title,
    body: row.publicStory ?? "",
    keywords: [
      row.caseNo,
      ...(row.alias ? [row.alias] : []),
      ...row.needs.map((n) => n.title),
      row.region.fullName,
      ...vocabularyOf([row.category, ...row.needs.flatMap((n) => [n.kind, n.category])]),
    ],
    regionCodes: regionCodesOf([row.region.code]),
    regionName: row.region.fullName,
    category: row.category,
    urgency: row.urgency,
    status: row.status,
    needIndex: row.needIndex,
    publishedAt: (row.publishedAt ?? row.closedAt)?.getTime() ?? 0,
    url: `/needs/${row.caseNo}`,
  };
}

export async function loadNeedDocument(caseNo: string): Promise<SearchDocument | null> {
  const row = await prisma.case.findFirst({ where: { caseNo, ...PUBLIC_NEED_WHERE }, select: PUBLIC_CASE_SELECT });
  return row ? needDocument(row) : null;
}

// ───────────────────────────── projects ─────────────────────────────

export const PUBLIC_PROJECT_DOCUMENT_SELECT = {
  id: true,
  title: true,
  summary: true,
  categories: true,
  regionCodes: true,
  status: true,
  createdAt: true,
  organization: { select: { name: true, status: true } },
} as const satisfies Prisma.ProjectSelect;

export const PUBLIC_PROJECT_DOCUMENT_WHERE = { status: "ACTIVE", organization: { status: "VETTED" } } as const satisfies Prisma.ProjectWhereInput;

type ProjectRow = Prisma.ProjectGetPayload<{ select: typeof PUBLIC_PROJECT_DOCUMENT_SELECT }>;

/** An ACTIVE project of a VETTED organisation; null otherwise. */
export function projectDocument(row: ProjectRow, regionNames: Map<string, string>): SearchDocument | null {
  if (row.status !== "ACTIVE" || row.organization.status !== "VETTED") return null;
  const names = row.regionCodes.map((c) => regionNames.get(c) ?? c);
  return {
    id: documentId("project", row.id),
    type: "project",
    title: row.title,
    body: row.summary,
    keywords: [row.organization.name, ...vocabularyOf(row.categories), ...names],
    regionCodes: regionCodesOf(row.regionCodes),
    regionName: names.join("、"),
    category: row.categories[0] ?? null,
    urgency: null,
    status: row.status,
    needIndex: null,
    publishedAt: row.createdAt.getTime(),
    url: `/projects/${row.id}`,
  };
}

// ───────────────────────────── volunteer offers ─────────────────────────────

export const PUBLIC_VOLUNTEER_OFFER_DOCUMENT_SELECT = {
  id: true,
  title: true,
  description: true,
  skills: true,
  regionCodes: true,
  availability: true,
  status: true,
  availableUntil: true,
  createdAt: true,
  // The offering team's name is public when its organisation is vetted; a volunteer's own user row
  // (name, email, phone) is not read at all.
  organization: { select: { name: true, status: true } },
} as const satisfies Prisma.VolunteerOfferSelect;

type VolunteerOfferRow = Prisma.VolunteerOfferGetPayload<{ select: typeof PUBLIC_VOLUNTEER_OFFER_DOCUMENT_SELECT }>;

/** availableUntil is a calendar date (midnight UTC); an offer runs out after Shanghai's day passes it. */
function shanghaiToday(now: Date): Date {
  return new Date(`${shanghaiDate(now)}T00:00:00.000Z`);
}

export function publicVolunteerOfferWhere(now: Date) {
  return { status: "ACTIVE", OR: [{ availableUntil: null }, { availableUntil: { gte: shanghaiToday(now) } }] } satisfies Prisma.VolunteerOfferWhereInput;
}

/** An ACTIVE volunteer offer that has not run out; null otherwise. */
export function volunteerOfferDocument(row: VolunteerOfferRow, regionNames: Map<string, string>, now = new Date()): SearchDocument | null {
  if (row.status !== "ACTIVE") return null;
  if (row.availableUntil && row.availableUntil < shanghaiToday(now)) return null;
  const names = row.regionCodes.map((c) => regionNames.get(c) ?? c);
  const team = row.organization?.status === "VETTED" ? [row.organization.name] : [];
  return {
    id: documentId("volunteerOffer", row.id),
    type: "volunteerOffer",
    title: row.title,
    body: row.description,
    keywords: [...vocabularyOf(row.skills), row.availability, ...team, ...names],
    regionCodes: regionCodesOf(row.regionCodes),
    regionName: names.join("、"),
    category: null,
    urgency: null,
    status: row.status,
    needIndex: null,
    publishedAt: row.createdAt.getTime(),
    url: "/volunteer",
  };
}

// ───────────────────────────── organisations ─────────────────────────────

/** Name, kind, description and region only: no contact person, phone or credit code. */
export const PUBLIC_ORGANIZATION_DOCUMENT_SELECT = {
  id: true,
  name: true,
  kind: true,
  description: true,
  status: true,
  vettedAt: true,
  createdAt: true,
  region: { select: { code: true, fullName: true } },
} as const satisfies Prisma.OrganizationSelect;

export const PUBLIC_ORGANIZATION_DOCUMENT_WHERE = { status: "VETTED" } as const satisfies Prisma.OrganizationWhereInput;

type OrganizationRow = Prisma.OrganizationGetPayload<{ select: typeof PUBLIC_ORGANIZATION_DOCUMENT_SELECT }>;

/** A VETTED organisation; null for pending, rejected or suspended ones. */
export function organizationDocument(row: OrganizationRow): SearchDocument | null {
  if (row.status !== "VETTED") return null;
  return {
    id: documentId("organization", row.id),
    type: "organization",
    title: row.name,
    body: row.description,
    keywords: [row.kind, row.region.fullName],
    regionCodes: regionCodesOf([row.region.code]),
    regionName: row.region.fullName,
    category: null,
    urgency: null,
    status: row.status,
    needIndex: null,
    publishedAt: (row.vettedAt ?? row.createdAt).getTime(),
    url: `/organizations/${row.id}`,
  };
}

// ───────────────────────────── loading by key and in pages ─────────────────────────────

export async function loadProjectDocument(id: string): Promise<SearchDocument | null> {
  const row = await prisma.project.findFirst({ where: { id, ...PUBLIC_PROJECT_DOCUMENT_WHERE }, select: PUBLIC_PROJECT_DOCUMENT_SELECT });
  return row ? projectDocument(row, await getRegionNames(row.regionCodes)) : null;
}

export async function loadVolunteerOfferDocument(id: string, now = new Date()): Promise<SearchDocument | null> {
  const row = await prisma.volunteerOffer.findFirst({ where: { id, ...publicVolunteerOfferWhere(now) }, select: PUBLIC_VOLUNTEER_OFFER_DOCUMENT_SELECT });
  return row ? volunteerOfferDocument(row, await getRegionNames(row.regionCodes), now) : null;
}

export async function loadOrganizationDocument(id: string): Promise<SearchDocument | null> {
  const row = await prisma.organization.findFirst({ where: { id, ...PUBLIC_ORGANIZATION_DOCUMENT_WHERE }, select: PUBLIC_ORGANIZATION_DOCUMENT_SELECT });
  return row ? organizationDocument(row) : null;
}

/** Keys of an organisation's projects and team offers: their documents carry its name and status. */
export async function listOrganizationResourceKeys(organizationId: string) {
  const [projects, offers] = await Promise.all([
    prisma.project.findMany({ where: { organizationId }, select: { id: true } }),
    prisma.volunteerOffer.findMany({ where: { organizationId }, select: { id: true } }),
  ]);
  return { projectIds: projects.map((p) => p.id), volunteerOfferIds: offers.map((o) => o.id) };
}

/** One kind of public document, read from the database a page at a time (keyset on the key). */
export type PublicDocumentSource = {
  type: DocumentType;
  count(): Promise<number>;
  /** Documents of up to `take` rows whose key sorts after `after`; `read` rows were read, the last with key `last`. */
  page(after: string | null, take: number): Promise<{ documents: SearchDocument[]; read: number; last: string | null }>;
};

export function publicDocumentSources(now = new Date()): PublicDocumentSource[] {
  const after = (key: string | null, field: "id" | "caseNo") => (key === null ? {} : { [field]: { gt: key } });
  return [
    {
      type: "need",
      count: () => prisma.case.count({ where: PUBLIC_NEED_WHERE }),
      async page(key, take) {
        const rows = await prisma.case.findMany({ where: { ...PUBLIC_NEED_WHERE, ...after(key, "caseNo") }, orderBy: { caseNo: "asc" }, take, select: PUBLIC_CASE_SELECT });
        return { documents: rows.flatMap((r) => needDocument(r) ?? []), read: rows.length, last: rows.at(-1)?.caseNo ?? null };
      },
    },
    {
      type: "project",
      count: () => prisma.project.count({ where: PUBLIC_PROJECT_DOCUMENT_WHERE }),
      async page(key, take) {
        const rows = await prisma.project.findMany({ where: { ...PUBLIC_PROJECT_DOCUMENT_WHERE, ...after(key, "id") }, orderBy: { id: "asc" }, take, select: PUBLIC_PROJECT_DOCUMENT_SELECT });
        const names = await getRegionNames(rows.flatMap((r) => r.regionCodes));
        return { documents: rows.flatMap((r) => projectDocument(r, names) ?? []), read: rows.length, last: rows.at(-1)?.id ?? null };
      },
    },
    {
      type: "volunteerOffer",
      count: () => prisma.volunteerOffer.count({ where: publicVolunteerOfferWhere(now) }),
      async page(key, take) {
        const rows = await prisma.volunteerOffer.findMany({ where: { ...publicVolunteerOfferWhere(now), ...after(key, "id") }, orderBy: { id: "asc" }, take, select: PUBLIC_VOLUNTEER_OFFER_DOCUMENT_SELECT });
        const names = await getRegionNames(rows.flatMap((r) => r.regionCodes));
        return { documents: rows.flatMap((r) => volunteerOfferDocument(r, names, now) ?? []), read: rows.length, last: rows.at(-1)?.id ?? null };
      },
    },
    {
      type: "organization",
      count: () => prisma.organization.count({ where: PUBLIC_ORGANIZATION_DOCUMENT_WHERE }),
      async page(key, take) {
        const rows = await prisma.organization.findMany({ where: { ...PUBLIC_ORGANIZATION_DOCUMENT_WHERE, ...after(key, "id") }, orderBy: { id: "asc" }, take, select: PUBLIC_ORGANIZATION_DOCUMENT_SELECT });
        return { documents: rows.flatMap((r) => organizationDocument(r) ?? []), read: rows.length, last: rows.at(-1)?.id ?? null };
      },
    },
  ];
}
