import { describe, expect, it } from "vitest";
import { inboxPayload } from "./inbox-payload.ts";

describe("inboxPayload", () => {
  it("keeps ids, amounts and metadata and drops the payer's details at any depth", () => {
    const event = {
      id: "evt_1",
      type: "checkout.session.completed",
      data: {
        object: {
          id: "cs_test_1",
          amount_total: 10_000,
          currency: "cny",
          metadata: { donationId: "d1", caseNo: "JJN-1" },
          customer_email: "donor@example.com",
          customer_details: { email: "donor@example.com", name: "李明", phone: "13800000000" },
          charges: [{ id: "ch_1", billing_details: { email: "donor@example.com" }, receipt_email: "donor@example.com" }],
        },
      },
    };
    const stored = inboxPayload(event);
    expect(JSON.stringify(stored)).not.toContain("donor@example.com");
    expect(JSON.stringify(stored)).not.toContain("13800000000");
    expect(stored).toEqual({
      id: "evt_1",
      type: "checkout.session.completed",
      data: { object: { id: "cs_test_1", amount_total: 10_000, currency: "cny", metadata: { donationId: "d1", caseNo: "JJN-1" }, charges: [{ id: "ch_1" }] } },
    });
  });
});
