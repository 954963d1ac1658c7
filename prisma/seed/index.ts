// Realistic zh-CN demo data for 救急难 work in 萧县, 埇桥区, 张店区, 满洲里 and 扎兰屯 (DESIGN §8:
// `npm start` seeds an empty database). Idempotent: every row has a fixed id or natural key and is
// only created when missing, and ledger postings are keyed, so a second run changes nothing.
import type { PrismaClient } from "~/generated/prisma/client.ts";
import { seedCases } from "./cases.ts";
import { createClock } from "./clock.ts";
import { seedComplaints } from "./complaints.ts";
import { seedFunds } from "./funds.ts";
import { ensureSystemAccounts } from "~/modules/ledger/post-ledger-transaction.server.ts";
import { syncCounters } from "./numbers.ts";
import { seedOffices } from "./offices.ts";
import { seedOrganizations } from "./organizations.ts";
import { seedPlanDemo } from "./plan-demo.ts";
import { reconcileResources } from "./reconcile.ts";
import { seedRegions } from "./regions.ts";
import { seedResources } from "./resources.ts";
import { calendarDays, seedCalendarDays, seedLocalStandards } from "./standards.ts";
import { seedUsers } from "./users.ts";

export { DEMO_LOGINS, DEMO_PASSWORD } from "./demo-logins.ts";

export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.user.count()) === 0;
}

export type SeedOptions = {
  /** The instant every relative date is measured from (default: now). */
  now?: Date;
};

export async function seed(prisma: PrismaClient, log: (msg: string) => void = () => {}, options: SeedOptions = {}): Promise<void> {
  const clock = createClock(options.now ?? new Date());

  const regions = await seedRegions(prisma);
  log(`regions: ${regions} new`);
  await seedOffices(prisma);
  const calendar = calendarDays(clock);
  await seedCalendarDays(prisma, calendar);
  await seedLocalStandards(prisma);
  log("offices, working-day calendar, 低保标准");

  const users = await seedUsers(prisma);
  await seedOrganizations(prisma, clock, users);
  log("users and organisations");

  await ensureSystemAccounts(prisma);
  await seedFunds(prisma, clock, users);
  await seedResources(prisma, clock, users);
  log("relief funds, projects, volunteer and supply offers");

  const cases = await seedCases({ prisma, clock, users, calendar, log });
  // One published 萧县 case planned from nothing yet: the plan tab's demo (and its e2e journey).
  await seedPlanDemo(prisma, clock, users, calendar);
  await seedComplaints(prisma, clock, users);
  await reconcileResources(prisma);
  await syncCounters(prisma);
  log(`cases: ${cases} new`);
}
