import { describe, expect, it } from "vitest";
import {
  COMPLAINT_INTENTS,
  COMPLAINT_STATUSES,
  allowedComplaintIntents,
  complaintTransition,
  isFinalComplaintStatus,
  type ComplaintIntent,
  type ComplaintStatusName,
} from "./complaint-status.ts";

type Outcome = ComplaintStatusName | "notAllowedFromStatus" | "replyRequired";
const N = "notAllowedFromStatus";
const R = "replyRequired";

/** Written out by hand, every status × intent: [without a reply, with a reply]. */
const TABLE: Record<ComplaintStatusName, Record<ComplaintIntent, [Outcome, Outcome]>> = {
  RECEIVED: { start: ["HANDLING", "HANDLING"], resolve: [R, "RESOLVED"], dismiss: [R, "DISMISSED"] },
  HANDLING: { start: [N, N], resolve: [R, "RESOLVED"], dismiss: [R, "DISMISSED"] },
  RESOLVED: { start: [N, N], resolve: [N, N], dismiss: [N, N] },
  DISMISSED: { start: [N, N], resolve: [N, N], dismiss: [N, N] },
};

const outcome = (result: ReturnType<typeof complaintTransition>): Outcome => (result.ok ? result.to : result.error);

describe("complaint status rules", () => {
  const cases = COMPLAINT_STATUSES.flatMap((status) => COMPLAINT_INTENTS.map((intent) => [status, intent] as const));

  it("covers every status and intent in the table", () => {
    expect(cases).toHaveLength(COMPLAINT_STATUSES.length * COMPLAINT_INTENTS.length);
  });

  it.each(cases)("%s × %s", (status, intent) => {
    const [withoutReply, withReply] = TABLE[status][intent];
    expect(outcome(complaintTransition(status, intent))).toBe(withoutReply);
    expect(outcome(complaintTransition(status, intent, { reply: "   " }))).toBe(withoutReply);
    expect(outcome(complaintTransition(status, intent, { reply: "已核查并答复。" }))).toBe(withReply);
  });

  it.each(COMPLAINT_STATUSES)("offers exactly the intents the table allows from %s", (status) => {
    const expected = COMPLAINT_INTENTS.filter((intent) => TABLE[status][intent][1] !== N);
    expect(allowedComplaintIntents(status)).toEqual(expected);
    expect(isFinalComplaintStatus(status)).toBe(expected.length === 0);
  });
});
