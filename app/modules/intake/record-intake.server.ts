import { validateIdNumber } from "~/domain/id-number.ts";
import { shanghaiDate } from "~/utils/dates.ts";
import { addDays } from "~/domain/iso-date.ts";
import { caseCounterName, formatCaseNo, pickOwnerOffice } from "~/domain/intake/intake-rules.ts";
import { ancestorRegionCodes, countyCodeOf } from "~/domain/region-codes.ts";
import { dueDateFor, type Urgency } from "~/domain/working-days.ts";
import type { CaseCategory, CaseSource } from "~/generated/prisma/client.ts";
import { prisma, type Tx } from "~/utils/db.server.ts";
import { piiCrypto } from "~/utils/pii.server.ts";
import type { FieldErrors } from "~/utils/validation.ts";
import { recordAudit } from "../audit/record-audit.server.ts";
import { nextCounterValue } from "../counters/next-counter-value.server.ts";
import { getCalendarOverrides } from "../regions/get-calendar-overrides.server.ts";

export type IntakeInput = {
  source: CaseSource;
  category: CaseCategory;
  urgency: Urgency;
  regionCode: string;
  intakeNote: string;
  beneficiary: { name: string; idNumber?: string; phone?: string; address?: string; householdSize?: number };
  /** The staff member who recorded it; null for a public report. */
  actorId: string | null;
  receivedAt?: Date;
};

export type IntakeResult = { ok: true; caseId: string; caseNo: string; ownerOfficeId: string } | { ok: false; fieldErrors: FieldErrors };

/** Cases are placed at a county or below: the county is where their number is counted. */
const PLACEABLE_LEVELS = new Set(["COUNTY", "TOWNSHIP", "VILLAGE"]);

/** Region closures and make-up days far enough ahead for the longest response limit (5 working days). */
const CALENDAR_LOOKAHEAD_DAYS = 60;

const refused = (field: string, key: string): IntakeResult => ({ ok: false, fieldErrors: { [field]: [key] } });

/**
 * Records a new case from any channel (DESIGN §4), in one transaction: the owning office (首问负责制:
 * the region's office or its nearest ancestor's), the next case number of the county, the response
 * deadline from the urgency and the region's working-day calendar, the Case (REPORTED), its
 * Beneficiary (ID number encrypted, with its keyed hash) and a `case.intake` audit event.
 * An unknown region or one no office covers is answered with a field error, and nothing is written.
 */
export async function recordIntake(input: IntakeInput): Promise<IntakeResult> {
  const receivedAt = input.receivedAt ?? new Date();
  const receivedOn = shanghaiDate(receivedAt);

  let idNumber: { encrypted: string; hash: string; birthYear: number; gender: string } | null = null;
  if (input.beneficiary.idNumber) {
    const checked = validateIdNumber(input.beneficiary.idNumber);
    if (!checked.ok) return refused("idNumber", "validation.idNumber");
    const crypto = piiCrypto();
    idNumber = { encrypted: crypto.encrypt(checked.value), hash: crypto.hashIdNumber(checked.value), birthYear: checked.birthDate.year, gender: checked.sex };
  }

  return prisma.$transaction(async (tx): Promise<IntakeResult> => {
    const region = await tx.region.findUnique({ where: { code: input.regionCode }, select: { code: true, level: true } });
    const countyCode = countyCodeOf(input.regionCode);
    if (!region || !countyCode || !PLACEABLE_LEVELS.has(region.level)) return refused("region", "intake.errors.regionUnknown");

    const offices = await tx.office.findMany({
      where: { regionCode: { in: ancestorRegionCodes(region.code) } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, regionCode: true },
    });
    const owner = pickOwnerOffice(offices, region.code);
    if (!owner) return refused("region", "intake.errors.regionNoOffice");

    const calendar = await getCalendarOverrides(tx, region.code, { from: receivedOn, to: addDays(receivedOn, CALENDAR_LOOKAHEAD_DAYS) });
    const responseDueOn = dueDateFor(input.urgency, receivedOn, calendar);
    const caseNo = await nextCaseNo(tx, countyCode, receivedOn.slice(0, 4));
    const { beneficiary } = input;

    const created = await tx.case.create({
      data: {
        caseNo,
        status: "REPORTED",
        source: input.source,
        category: input.category,
        urgency: input.urgency,
        regionCode: region.code,
        ownerOfficeId: owner.id,
        intakeNote: input.intakeNote,
        receivedAt,
        responseDueOn: new Date(`${responseDueOn}T00:00:00Z`),
        beneficiary: {
          create: {
            name: beneficiary.name,
            idNumberEncrypted: idNumber?.encrypted ?? null,
            idNumberHash: idNumber?.hash ?? null,
            birthYear: idNumber?.birthYear ?? null,
            gender: idNumber?.gender ?? null,
            phone: beneficiary.phone ?? null,
            address: beneficiary.address ?? null,
            householdSize: beneficiary.householdSize ?? 1,
          },
        },
      },
      select: { id: true, caseNo: true },
    });

    await recordAudit(tx, {
      actorId: input.actorId,
      action: "case.intake",
      entityType: "Case",
      entityId: created.id,
      caseId: created.id,
      toState: "REPORTED",
      // Channel and routing only: the person's details stay in Beneficiary.
      detail: { source: input.source, category: input.category, urgency: input.urgency, regionCode: region.code, ownerOfficeId: owner.id, responseDueOn, hasIdNumber: idNumber !== null },
    });

    return { ok: true, caseId: created.id, caseNo: created.caseNo, ownerOfficeId: owner.id };
  });
}

/** The county's next case number of the year, from its Counter row. */
async function nextCaseNo(tx: Tx, countyCode: string, year: string): Promise<string> {
  return formatCaseNo(countyCode, year, await nextCounterValue(tx, caseCounterName(countyCode, year)));
}
