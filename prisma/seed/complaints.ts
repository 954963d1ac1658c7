// 监督举报: one complaint from the public, being handled.
import type { PrismaClient } from "~/generated/prisma/client.ts";
import { caseIdOf } from "./case-plan.ts";
import type { SeedClock } from "./clock.ts";
import { complaintNoFor } from "./numbers.ts";
import type { UserKey } from "./users.ts";

const COMPLAINT_ID = "seed-complaint-01";

export async function seedComplaints(prisma: PrismaClient, clock: SeedClock, users: Record<UserKey, string>) {
  if (await prisma.complaint.findUnique({ where: { id: COMPLAINT_ID }, select: { id: true } })) return;
  const createdAt = clock.ago(9.5);
  let seq = 1;
  while (await prisma.complaint.findUnique({ where: { complaintNo: complaintNoFor(createdAt, seq) }, select: { id: true } })) seq++;
  await prisma.$transaction(async (tx) => {
    await tx.complaint.create({
      data: {
        id: COMPLAINT_ID,
        complaintNo: complaintNoFor(createdAt, seq),
        caseId: caseIdOf("17"),
        subject: "对不予救助决定有异议",
        content: "我家养殖场今年因猪瘟损失严重，欠了饲料款，申请救急难被拒绝，说家里收入高。入户核查时只看了去年的账，没有算今年的损失，希望重新核查。",
        contactName: "杨女士",
        contactPhone: "13956782222",
        status: "HANDLING",
        handledById: users.staffXiao,
        createdAt,
      },
    });
    await tx.auditEvent.create({
      data: { at: clock.ago(8.9), actorId: users.staffXiao, action: "complaint.handle", entityType: "Complaint", entityId: COMPLAINT_ID, caseId: caseIdOf("17"), fromState: "RECEIVED", toState: "HANDLING" },
    });
  });
}
