import { describe, expect, it } from "vitest";
import { loader } from "~/routes/account+/_index.tsx";
import { createUser, responseOf, signedInRequest } from "../factories/index.ts";
import {
  BENEFICIARY_SECRETS,
  createCommitment,
  createDonation,
  createOrganizationWithMember,
  createPublishedCase,
  createVolunteerOffer,
} from "../factories/receipts.ts";

type LoaderData = Awaited<ReturnType<typeof loader>>;

async function historyOf(userId: string) {
  const request = await signedInRequest(userId, "/account");
  const response = await responseOf(() => loader({ request, params: {}, context: {} }));
  expect(response.status).toBe(200);
  const data = response.data as LoaderData;
  for (const secret of BENEFICIARY_SECRETS) expect(JSON.stringify(data)).not.toContain(secret);
  return data;
}

describe("/account history", () => {
  it("sends a signed-out visitor to log in", async () => {
    const response = await responseOf(() => loader({ request: new Request("http://localhost/account"), params: {}, context: {} }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Faccount");
  });

  it("lists the gifts made while signed in, each with its receipt, and not gifts that only share the account's email", async () => {
    const { caseRow } = await createPublishedCase();
    const donor = await createUser({ roles: ["DONOR"] });
    const other = await createUser({ roles: ["DONOR"] });
    const signedIn = await createDonation({ caseId: caseRow.id, amountFen: 10_000, userId: donor.id });
    const pending = await createDonation({ caseId: caseRow.id, amountFen: 20_000, userId: donor.id, status: "PENDING", paidAt: null });
    // Sign-up does not prove an address is one's own: a signed-out gift with this email stays private.
    const byEmail = await createDonation({ caseId: caseRow.id, amountFen: 25_000, donorEmail: donor.email.toUpperCase() });
    const someoneElses = await createDonation({ caseId: caseRow.id, amountFen: 30_000, userId: other.id, donorEmail: other.email });

    const data = await historyOf(donor.id);

    expect(data.donations.map((d) => d.id).sort()).toEqual([signedIn.id, pending.id].sort());
    expect(data.donations.map((d) => d.id)).not.toContain(someoneElses.id);
    expect(data.donations.map((d) => d.id)).not.toContain(byEmail.id);
    const shown = data.donations.find((d) => d.id === pending.id)!;
    expect(shown).toMatchObject({ receiptNo: pending.receiptNo, amountFen: 20_000, status: "PENDING", case: { caseNo: caseRow.caseNo, publicTitle: caseRow.publicTitle, isPublic: true } });
    expect(data.user.email).toBe(donor.email);
  });

  it("lists a person's goods and hours pledges with their status, and not their cash gifts twice", async () => {
    const { caseRow, needs } = await createPublishedCase();
    const donor = await createUser({ roles: ["DONOR"] });
    const quilts = await createCommitment({ caseId: caseRow.id, needId: needs.quilts.id, source: "DIRECT_PLEDGE", pledgerId: donor.id, pledgerName: "刘洋", amount: 3, status: "CONFIRMED" });
    const cash = await createCommitment({ caseId: caseRow.id, needId: needs.cash.id, source: "DONATION", pledgerId: donor.id, amount: 10_000, status: "DELIVERED" });

    const data = await historyOf(donor.id);

    expect(data.pledges.map((p) => p.id)).toEqual([quilts.id]);
    expect(data.pledges[0]).toMatchObject({ amount: 3, status: "CONFIRMED", need: { title: "棉被", kind: "ITEM", unit: "床" }, case: { caseNo: caseRow.caseNo, isPublic: true } });
    expect(data.pledges.map((p) => p.id)).not.toContain(cash.id);
    expect(data.organizationHistory.organizations).toEqual([]);
  });

  it("shows an organisation member their organisations' commitments, and nobody else's", async () => {
    const { caseRow, needs, county } = await createPublishedCase();
    const member = await createUser({ roles: ["ORG_MEMBER"] });
    const outsider = await createUser({ roles: ["ORG_MEMBER"] });
    const org = await createOrganizationWithMember(county.code, member.id);
    const otherOrg = await createOrganizationWithMember(county.code, outsider.id);
    const ours = await createCommitment({ caseId: caseRow.id, needId: needs.quilts.id, source: "DIRECT_PLEDGE", organizationId: org.id, pledgerId: member.id, pledgerName: org.name, amount: 5, status: "PLEDGED" });
    const theirs = await createCommitment({ caseId: caseRow.id, needId: needs.quilts.id, source: "DIRECT_PLEDGE", organizationId: otherOrg.id, pledgerName: otherOrg.name, amount: 2, status: "DELIVERED" });

    const data = await historyOf(member.id);

    expect(data.organizationHistory.organizations).toEqual([{ id: org.id, name: org.name }]);
    expect(data.organizationHistory.commitments.map((c) => c.id)).toEqual([ours.id]);
    expect(data.organizationHistory.commitments[0]).toMatchObject({ status: "PLEDGED", amount: 5, organization: { id: org.id, name: org.name } });
    // Pledged by the member for the organisation: listed under the organisation, not twice.
    expect(data.pledges.map((p) => p.id)).not.toContain(ours.id);
    expect((await historyOf(outsider.id)).organizationHistory.commitments.map((c) => c.id)).toEqual([theirs.id]);
  });

  it("shows a volunteer the hours offered, reserved and delivered on their offers, and the assignments on them", async () => {
    const { caseRow, needs } = await createPublishedCase();
    const volunteer = await createUser({ roles: ["VOLUNTEER"] });
    const offer = await createVolunteerOffer(volunteer.id, { hoursOffered: 20, hoursReserved: 8, hoursDelivered: 4 });
    await createVolunteerOffer(volunteer.id, { hoursOffered: 10 });
    const assignment = await createCommitment({ caseId: caseRow.id, needId: needs.care.id, source: "VOLUNTEER_OFFER", volunteerOfferId: offer.id, pledgerId: volunteer.id, amount: 8, status: "CONFIRMED" });

    const data = await historyOf(volunteer.id);

    expect(data.volunteer.totals).toEqual({ offered: 30, reserved: 8, delivered: 4 });
    expect(data.volunteer.offers).toHaveLength(2);
    expect(data.volunteer.assignments.map((a) => a.id)).toEqual([assignment.id]);
    expect(data.volunteer.assignments[0]).toMatchObject({ amount: 8, status: "CONFIRMED", need: { kind: "SERVICE" }, volunteerOffer: { id: offer.id } });
    // Listed under the offer, not a second time as a personal pledge.
    expect(data.pledges.map((p) => p.id)).not.toContain(assignment.id);
  });

  it("a person with no history gets empty lists", async () => {
    const data = await historyOf((await createUser({ roles: ["DONOR"] })).id);
    expect(data.donations).toEqual([]);
    expect(data.pledges).toEqual([]);
    expect(data.volunteer).toEqual({ offers: [], totals: { offered: 0, reserved: 0, delivered: 0 }, assignments: [] });
  });
});
