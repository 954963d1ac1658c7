import type { Programme } from "~/generated/prisma/client.ts";
import { isoDateOf } from "~/utils/dates.ts";

/**
 * An AssistanceRecord as the verify tab shows it, in the person's record list and in the duplicate
 * check alike: the period as the civil dates it was entered as (date columns, not instants, so no
 * time-zone shift), and the case it came from by number only.
 */
export function assistanceRecordRow(record: {
  id: string;
  programme: Programme;
  startedOn: Date;
  endedOn: Date | null;
  amountFen: number | null;
  case: { caseNo: string } | null;
}) {
  return {
    id: record.id,
    programme: record.programme,
    startedOn: isoDateOf(record.startedOn),
    endedOn: record.endedOn && isoDateOf(record.endedOn),
    amountFen: record.amountFen,
    caseNo: record.case?.caseNo ?? null,
  };
}
