import type { CurrentUser } from "~/utils/auth.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { transitionCase } from "../cases/transition-case.server.ts";
import { caseAccount, ensureAccount } from "../ledger/post-ledger-transaction.server.ts";
import { assertPublicTextClean } from "./check-public-text.server.ts";
import { publicTextsOf, type ConsentInput, type PublishCaseForm } from "./publish-case-schema.ts";

/** The first entry of the public timeline (stored as text, like the seed's entries). */
export const PUBLISHED_UPDATE_TEXT = "个案经核实后公开发布。";

/** The case's lines already carry commitments: replacing them would drop what givers promised (422). */
export class NeedLinesLockedError extends Error {
  constructor() {
    super("need lines have commitments");
    this.name = "NeedLinesLockedError";
  }
}

/** Consent is stored on the Beneficiary row; a case without one cannot record it (422). */
export class NoBeneficiaryError extends Error {
  constructor() {
    super("case has no beneficiary record");
    this.name = "NoBeneficiaryError";
  }
}

/** A consent date is a civil date in Asia/Shanghai; stored as that day's midnight there. */
const shanghaiMidnight = (isoDate: string) => new Date(`${isoDate}T00:00:00+08:00`);

/**
 * VERIFIED → PUBLISHED in one transaction: the PII guard over every public text, the transition
 * (compare-and-set on the version the user saw, audit `case.publish` with field names only), the
 * need lines replaced, the consent recorded, the first public timeline entry, the case's ledger
 * account, and an outbox row for the search index. Any refusal rolls all of it back.
 */
export async function publishCase(input: { caseId: string; caseNo: string; user: CurrentUser; form: PublishCaseForm; consent: ConsentInput; now?: Date }) {
  const { caseId, caseNo, form, consent } = input;
  const now = input.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    await assertPublicTextClean(tx, caseId, publicTextsOf(form));

    await transitionCase(tx, {
      caseId,
      event: "publish",
      actor: input.user,
      expectedVersion: form.version,
      now,
      data: { alias: form.alias, ageBand: form.ageBand, publicTitle: form.publicTitle, publicStory: form.publicStory },
      detail: { fields: ["alias", "ageBand", "publicTitle", "publicStory", "needs", "consent"], needLines: form.lines.length },
    });

    // Lines can only be replaced while nothing is promised against them; after the transition
    // above the case is ours (its row is locked until commit), so no pledge can slip in meanwhile.
    if ((await tx.commitment.count({ where: { caseId } })) > 0) throw new NeedLinesLockedError();
    await tx.need.deleteMany({ where: { caseId } });
    await tx.need.createMany({
      data: form.lines.map((line, sortOrder) => ({
        caseId,
        kind: line.kind,
        title: line.title,
        category: line.category,
        unit: line.unit,
        target: line.target,
        sortOrder,
      })),
    });

    const consentWritten = await tx.beneficiary.updateMany({
      where: { caseId },
      data: { consentBy: consent.by, consentAt: shanghaiMidnight(consent.at), consentMethod: consent.method },
    });
    if (consentWritten.count !== 1) throw new NoBeneficiaryError();

    await tx.caseUpdate.create({ data: { caseId, at: now, kind: "PUBLISHED", text: PUBLISHED_UPDATE_TEXT, isPublic: true } });
    await ensureAccount(tx, { code: caseAccount(caseNo), kind: "CASE", name: `${caseNo} 个案账户`, caseId });
    await tx.outboxEvent.create({ data: { topic: "SEARCH", kind: "case.upsert", payload: { caseNo } } });
    return { caseNo };
  });
}
