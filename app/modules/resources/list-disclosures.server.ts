import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client.ts";
import { PUBLIC_STATUSES } from "~/modules/public/public-case-select.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { pageCount, type PageQuery } from "./page-query.server.ts";

export const DISCLOSURES_PAGE_SIZE = 20;

/** Disclosures of cases whose public face may be shown (a disclosure exists only once closed). */
export const DISCLOSURE_WHERE = { case: { status: { in: [...PUBLIC_STATUSES] } } } as const satisfies Prisma.DisclosureWhereInput;

export const DISCLOSURE_ORDER = [{ publishedAt: "desc" }, { id: "desc" }] as const satisfies Prisma.DisclosureOrderByWithRelationInput[];

// Only the case's number, region and category: never the Beneficiary or the intake note.
export const DISCLOSURE_SELECT = {
  id: true,
  publishedAt: true,
  outcome: true,
  totalInFen: true,
  totalOutFen: true,
  content: true,
  case: { select: { caseNo: true, category: true, closedAt: true, region: { select: { fullName: true } } } },
} as const satisfies Prisma.DisclosureSelect;

type DisclosureRecord = Prisma.DisclosureGetPayload<{ select: typeof DISCLOSURE_SELECT }>;

export type DisclosureSource = { kind: string | null; name: string | null; amountFen: number };

const SourceSchema = z.object({
  kind: z.string().nullish(),
  name: z.string().nullish(),
  amountFen: z.number().int().safe(),
});
const ContentSchema = z.object({ sources: z.array(z.unknown()).catch([]) }).catch({ sources: [] });

/**
 * The sources listed in a disclosure's content. The content was anonymised when the case closed
 * (anonymous givers are already 爱心人士); lines that do not have the expected shape are skipped
 * rather than failing the whole page.
 */
export function disclosureSources(content: Prisma.JsonValue): DisclosureSource[] {
  return ContentSchema.parse(content).sources.flatMap((raw) => {
    const parsed = SourceSchema.safeParse(raw);
    return parsed.success ? [{ kind: parsed.data.kind ?? null, name: parsed.data.name ?? null, amountFen: parsed.data.amountFen }] : [];
  });
}

export function toDisclosureRow(record: DisclosureRecord) {
  return {
    id: record.id,
    caseNo: record.case.caseNo,
    regionName: record.case.region.fullName,
    category: record.case.category,
    closedAt: record.case.closedAt ?? record.publishedAt,
    outcome: record.outcome,
    totalInFen: record.totalInFen,
    totalOutFen: record.totalOutFen,
    sources: disclosureSources(record.content),
  };
}

export type DisclosureRow = ReturnType<typeof toDisclosureRow>;

/** One page of disclosures, newest first. */
export async function listDisclosures(query: PageQuery) {
  const [total, records] = await Promise.all([
    prisma.disclosure.count({ where: DISCLOSURE_WHERE }),
    prisma.disclosure.findMany({
      where: DISCLOSURE_WHERE,
      orderBy: [...DISCLOSURE_ORDER],
      skip: (query.page - 1) * DISCLOSURES_PAGE_SIZE,
      take: DISCLOSURES_PAGE_SIZE,
      select: DISCLOSURE_SELECT,
    }),
  ]);
  return { total, pages: pageCount(total, DISCLOSURES_PAGE_SIZE), disclosures: records.map(toDisclosureRow) };
}
