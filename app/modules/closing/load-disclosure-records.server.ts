import { buildDisclosure, type Disclosure, type DisclosureRecords } from "~/domain/disclosure/build-disclosure.ts";
import type { Db, Tx } from "~/utils/db.server.ts";

/**
 * The records a case's 公示 is built from, each counted once from the row that proves the money or
 * the help arrived (app/domain/disclosure/build-disclosure.ts says which). The beneficiary's row is
 * not read at all.
 */
export async function loadDisclosureRecords(db: Db | Tx, caseId: string): Promise<DisclosureRecords> {
  // One after another: inside an interactive transaction the queries share one connection anyway.
  const grants = await db.fundGrant.findMany({
    where: { caseId, status: "POSTED" },
    orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
    select: { amountFen: true, fund: { select: { name: true } } },
  });
  const commitments = await db.commitment.findMany({
    where: { caseId, status: "DELIVERED" },
    orderBy: [{ pledgedAt: "asc" }, { id: "asc" }],
    select: {
      source: true,
      amount: true,
      need: { select: { kind: true, title: true, unit: true } },
      project: { select: { title: true, organization: { select: { name: true } } } },
      organization: { select: { name: true } },
    },
  });
  const donations = await db.donation.findMany({
    where: { caseId, status: "PAID", redirectedToFund: false },
    orderBy: [{ paidAt: "asc" }, { id: "asc" }],
    select: { donorName: true, isAnonymous: true, amountFen: true },
  });
  const disbursements = await db.disbursement.findMany({
    where: { caseId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { payeeKind: true, payeeName: true, amountFen: true },
  });

  const cash = commitments.filter((c) => c.need.kind === "CASH");
  return {
    grants: grants.map((g) => ({ fundName: g.fund.name, amountFen: g.amountFen })),
    projectCommitments: cash
      .filter((c) => c.source === "PROJECT" && c.project)
      .map((c) => ({ projectTitle: c.project!.title, organizationName: c.project!.organization.name, amountFen: c.amount })),
    organizationPledges: cash
      .filter((c) => c.source === "DIRECT_PLEDGE" && c.organization)
      .map((c) => ({ organizationName: c.organization!.name, amountFen: c.amount })),
    donations,
    goods: commitments.filter((c) => c.need.kind === "ITEM").map((c) => ({ title: c.need.title, unit: c.need.unit, quantity: c.amount })),
    services: commitments.filter((c) => c.need.kind === "SERVICE").map((c) => ({ title: c.need.title, hours: c.amount })),
    disbursements,
  };
}

/** The disclosure the case would get if it closed now. */
export async function draftDisclosure(db: Db | Tx, caseId: string): Promise<Disclosure> {
  return buildDisclosure(await loadDisclosureRecords(db, caseId));
}
