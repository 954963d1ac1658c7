import { prisma } from "~/utils/db.server.ts";
import { getFundLedger } from "./get-fund-ledger.server.ts";

/** Every active relief fund with its rules, ledger balance and public money in/out. */
export async function listFundsWithLedgers() {
  const funds = await prisma.reliefFund.findMany({
    where: { status: "ACTIVE" },
    orderBy: [{ regionCode: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      name: true,
      description: true,
      scopeCategories: true,
      perCaseCapFen: true,
      reviewThresholdFen: true,
      advanceCapFen: true,
      region: { select: { code: true, fullName: true } },
      ledgerAccount: { select: { id: true, balanceFen: true } },
    },
  });
  return Promise.all(
    funds.map(async ({ ledgerAccount, ...fund }) => ({
      ...fund,
      balanceFen: ledgerAccount?.balanceFen ?? 0,
      ledger: await getFundLedger(ledgerAccount?.id),
    })),
  );
}

export type FundWithLedger = Awaited<ReturnType<typeof listFundsWithLedgers>>[number];
