// Human-readable numbers of the demo rows and the Counter rows that make the app continue after them.
// Case and complaint numbers and their counters come from the domain, as the app draws them, so
// the app's next number follows on from the seed's.
import { complaintCounterName, formatComplaintNo } from "~/domain/complaint-number.ts";
import { caseCounterName, formatCaseNo } from "~/domain/intake/intake-rules.ts";
import type { PrismaClient } from "~/generated/prisma/client.ts";
import { shanghaiDate } from "~/utils/dates.ts";

const yearOf = (instant: Date) => shanghaiDate(instant).slice(0, 4);

/** "JJN-341322-2026-0007", numbered from counter "case:341322:2026". */
export const caseNoFor = (countyCode: string, receivedAt: Date, seq: number) => formatCaseNo(countyCode, yearOf(receivedAt), seq);
export const caseCounterFor = (countyCode: string, receivedAt: Date) => caseCounterName(countyCode, yearOf(receivedAt));

/** "RC-2026-000012"; counter "receipt:2026". */
export const receiptNoFor = (paidAt: Date, seq: number) => `RC-${yearOf(paidAt)}-${String(seq).padStart(6, "0")}`;

/** "JB-2026-0001" (监督举报); counter "complaint:2026". */
export const complaintNoFor = (createdAt: Date, seq: number) => formatComplaintNo(yearOf(createdAt), seq);

/**
 * Sets each counter to at least the highest number in use, never lowering one the app has already
 * moved past. Reads the numbers back from the database, so it is right on a re-run too.
 */
export async function syncCounters(prisma: PrismaClient) {
  const highest = new Map<string, number>();
  const bump = (name: string, value: number) => highest.set(name, Math.max(highest.get(name) ?? 0, value));

  for (const { caseNo } of await prisma.case.findMany({ where: { id: { startsWith: "seed-" } }, select: { caseNo: true } })) {
    const m = /^JJN-(\d{6})-(\d{4})-(\d{4})$/.exec(caseNo);
    if (m) bump(caseCounterName(m[1]!, m[2]!), Number(m[3]));
  }
  for (const { receiptNo } of await prisma.donation.findMany({ where: { id: { startsWith: "seed-" } }, select: { receiptNo: true } })) {
    const m = /^RC-(\d{4})-(\d{6})$/.exec(receiptNo);
    if (m) bump(`receipt:${m[1]}`, Number(m[2]));
  }
  for (const { complaintNo } of await prisma.complaint.findMany({ where: { id: { startsWith: "seed-" } }, select: { complaintNo: true } })) {
    const m = /^JB-(\d{4})-(\d{4})$/.exec(complaintNo);
    if (m) bump(complaintCounterName(m[1]!), Number(m[2]));
  }

  for (const [name, value] of highest) {
    await prisma.counter.upsert({ where: { name }, update: {}, create: { name, value } });
    await prisma.counter.updateMany({ where: { name, value: { lt: value } }, data: { value } });
  }
}
