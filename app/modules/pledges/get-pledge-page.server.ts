import { remainingOnLine } from "~/domain/pledges/pledge-rules.ts";
import type { NeedKind } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";

/**
 * What a public pledge form shows: the published case's public face and its open lines of one kind
 * with what each still needs. Null unless the case is PUBLISHED (only then can it take pledges).
 * Public fields only — the same ones /needs/:caseNo shows.
 */
export async function getPledgePage(caseNo: string, kind: NeedKind) {
  const found = await prisma.case.findFirst({
    where: { caseNo, status: "PUBLISHED" },
    select: {
      id: true,
      caseNo: true,
      publicTitle: true,
      alias: true,
      region: { select: { fullName: true } },
      needs: {
        where: { kind, status: { not: "CANCELLED" } },
        orderBy: { sortOrder: "asc" },
        select: { id: true, kind: true, title: true, unit: true, category: true, target: true, committed: true, delivered: true, status: true },
      },
    },
  });
  if (!found) return null;
  const { id: _id, ...page } = found;
  return { ...page, needs: found.needs.map((line) => ({ ...line, remaining: remainingOnLine(line) })) };
}

export type PledgePage = NonNullable<Awaited<ReturnType<typeof getPledgePage>>>;

/** The vetted organisations a signed-in member may pledge for (DESIGN §3: only vetted ones act). */
export function listPledgingOrganizations(userId: string) {
  return prisma.organization.findMany({
    where: { status: "VETTED", members: { some: { userId } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
