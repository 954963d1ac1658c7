import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { action as assignmentsAction, loader as assignmentsLoader } from "~/routes/account+/assignments.tsx";
import { action as planAction, loader as planLoader } from "~/routes/staff+/cases.$caseNo.plan.tsx";
import { loader as printLoader } from "~/routes/staff+/cases.$caseNo_.plan.print.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createCounty, createUser } from "../factories/index.ts";
import {
  createOwnerOrganization,
  createPlanCase,
  createPlanProject,
  createPlanSupplyOffer,
  createPlanVolunteerOffer,
  createVolunteerWithOffer,
  personHash,
  staffOf,
  type PlanLineSpec,
} from "../factories/plan.ts";
import { createFund, getPage, postForm } from "../factories/pledges.ts";

type Kase = Awaited<ReturnType<typeof createPlanCase>>;
type Need = Kase["needs"][number];

const planUrl = (caseNo: string) => `/staff/cases/${caseNo}/plan`;

function pick(staffId: string, kase: Kase, need: Need, source: string, resourceId: string, amount: string, extra: Record<string, string> = {}) {
  return postForm(planAction, planUrl(kase.caseNo), { caseNo: kase.caseNo }, { intent: "pick", needId: need.id, source, resourceId, kind: need.kind, amount, ...extra }, { userId: staffId });
}

function answer(userId: string, fields: Record<string, string>) {
  return postForm(assignmentsAction, "/account/assignments", {}, fields, { userId });
}

/** Everything a pick writes, to show that a refused one wrote none of it. */
async function footprint(kase: Kase) {
  const [commitments, audit, outbox, needs] = await Promise.all([
    prisma.commitment.count({ where: { caseId: kase.id } }),
    prisma.auditEvent.count({ where: { caseId: kase.id } }),
    prisma.outboxEvent.count(),
    prisma.need.findMany({ where: { caseId: kase.id }, orderBy: { sortOrder: "asc" }, select: { committed: true, status: true } }),
  ]);
  return { commitments, audit, outbox, needs };
}

/** A county with staff and a published case with these lines. */
async function setting(lines: PlanLineSpec[], opts: Parameters<typeof createPlanCase>[2] = {}) {
  const county = await createCounty();
  const staff = await staffOf(county);
  const kase = await createPlanCase(county, lines, opts);
  return { county, staff, kase };
}

describe("the plan page", () => {
  it("shows each line's coverage and ranked suggestions with reasons to staff covering the case", async () => {
    const { county, staff, kase } = await setting([{ kind: "CASH", target: 2_000_000 }, { kind: "ITEM", target: 4 }, { kind: "SERVICE", target: 10 }]);
    const { organization } = await createOwnerOrganization(county);
    // Resources of the county itself rank above the nationwide ones other tests leave in this database.
    const project = await createPlanProject(organization.id, { regionCodes: [county.code] });
    const quilts = await createPlanSupplyOffer({ organizationId: organization.id }, { quantity: 20, regionCodes: [county.code] });
    const { offer } = await createVolunteerWithOffer(40, [county.code]);

    const page = await getPage(planLoader, planUrl(kase.caseNo), { caseNo: kase.caseNo }, { userId: staff.id });
    expect(page.status).toBe(200);
    const { plan, canAct } = page.data as { plan: { isOpen: boolean; lines: Array<{ id: string; suggestions: Array<{ source: string; id: string; amount: number; score: number; reasons: unknown[] }> }> }; canAct: boolean };
    expect(canAct).toBe(true);
    expect(plan.isOpen).toBe(true);
    const [cash, items, hours] = plan.lines;
    expect(cash!.suggestions.find((s) => s.id === project.id)).toMatchObject({ source: "PROJECT", amount: 1_000_000 });
    expect(items!.suggestions.find((s) => s.id === quilts.id)).toMatchObject({ source: "SUPPLY_OFFER", amount: 4 });
    expect(hours!.suggestions.find((s) => s.id === offer.id)).toMatchObject({ source: "VOLUNTEER_OFFER", amount: 10 });
    for (const s of [...cash!.suggestions, ...items!.suggestions, ...hours!.suggestions]) expect(s.reasons.length).toBeGreaterThan(0);
  });

  it("answers 403 to staff of another county, a login redirect to visitors, 404 to an unknown case", async () => {
    const { kase } = await setting([{ kind: "ITEM", target: 2 }]);
    const other = await staffOf(await createCounty());
    expect((await getPage(planLoader, planUrl(kase.caseNo), { caseNo: kase.caseNo }, { userId: other.id })).status).toBe(403);
    expect((await getPage(printLoader, `${planUrl(kase.caseNo)}/print`, { caseNo: kase.caseNo }, { userId: other.id })).status).toBe(403);
    const visitor = await getPage(planLoader, planUrl(kase.caseNo), { caseNo: kase.caseNo });
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("Location")).toMatch(/^\/login/);
    expect((await getPage(planLoader, planUrl("JJN-000000-2026-9999"), { caseNo: "JJN-000000-2026-9999" }, { userId: other.id })).status).toBe(404);
  });
});

describe("picking a suggestion", () => {
  it("reserves the line and the resource, creates the commitment, audits, updates the index and mails the owners", async () => {
    const { county, staff, kase } = await setting([{ kind: "CASH", target: 2_000_000 }]);
    const { organization, member } = await createOwnerOrganization(county);
    const second = await createUser({ roles: ["ORG_MEMBER"] });
    await prisma.organizationMember.create({ data: { organizationId: organization.id, userId: second.id } });
    const project = await createPlanProject(organization.id);
    const lastOutboxId = (await prisma.outboxEvent.aggregate({ _max: { id: true } }))._max.id ?? BigInt(0);

    const res = await pick(staff.id, kase, kase.needs[0]!, "PROJECT", project.id, "8000");
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`${planUrl(kase.caseNo)}#line-${kase.needs[0]!.id}`);

    const commitment = await prisma.commitment.findFirstOrThrow({ where: { caseId: kase.id } });
    expect(commitment).toMatchObject({ source: "PROJECT", projectId: project.id, organizationId: organization.id, amount: 800_000, status: "PLEDGED", pledgerName: organization.name });
    expect(await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ reservedFen: 800_000 });
    expect(await prisma.need.findUniqueOrThrow({ where: { id: kase.needs[0]!.id } })).toMatchObject({ committed: 800_000, status: "OPEN" });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { caseId: kase.id, action: "plan.pick" } });
    expect(audit).toMatchObject({ actorId: staff.id, entityId: commitment.id, toState: "PLEDGED" });
    const outbox = await prisma.outboxEvent.findMany({ where: { id: { gt: lastOutboxId } }, orderBy: { id: "asc" } });
    expect(outbox.filter((o) => o.topic === "SEARCH").map((o) => [o.kind, (o.payload as { id: string }).id])).toEqual([["project.upsert", project.id]]);
    const mails = outbox.filter((o) => o.kind === "mail.commitment-picked").map((o) => (o.payload as { to: string; refs: { commitmentId: string } }));
    expect(mails.map((m) => m.to).sort()).toEqual([member.email, second.email].sort());
    expect(mails.every((m) => m.refs.commitmentId === commitment.id)).toBe(true);
  });

  it("mails a person's own offer to that person and makes them the pledger", async () => {
    const { staff, kase } = await setting([{ kind: "SERVICE", target: 6 }]);
    const { volunteer, offer } = await createVolunteerWithOffer(20);
    expect((await pick(staff.id, kase, kase.needs[0]!, "VOLUNTEER_OFFER", offer.id, "6")).status).toBe(303);
    const commitment = await prisma.commitment.findFirstOrThrow({ where: { caseId: kase.id } });
    expect(commitment).toMatchObject({ pledgerId: volunteer.id, volunteerOfferId: offer.id, organizationId: null, amount: 6 });
    expect(await prisma.need.findUniqueOrThrow({ where: { id: kase.needs[0]!.id } })).toMatchObject({ committed: 6, status: "COVERED" });
    expect(await prisma.volunteerOffer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ hoursReserved: 6 });
    const mail = await prisma.outboxEvent.findFirstOrThrow({ where: { kind: "mail.commitment-picked", payload: { path: ["refs", "commitmentId"], equals: commitment.id } } });
    expect((mail.payload as { to: string }).to).toBe(volunteer.email);
    expect(await prisma.outboxEvent.count({ where: { kind: "volunteerOffer.upsert", payload: { path: ["id"], equals: offer.id } } })).toBe(1);
  });

  it.each([
    ["letters", "ITEM", "abc"],
    ["zero", "ITEM", "0"],
    ["a fraction of a quilt", "ITEM", "1.5"],
    ["negative", "ITEM", "-2"],
    ["too many decimals", "CASH", "10.005"],
    ["negative money", "CASH", "-5"],
    ["blank", "CASH", ""],
  ] as const)("a bad amount (%s) answers 400 and writes nothing", async (_label, kind, amount) => {
    const { county, staff, kase } = await setting([{ kind, target: kind === "CASH" ? 1_000_000 : 5 }]);
    const { organization } = await createOwnerOrganization(county);
    const resource = kind === "CASH" ? await createPlanProject(organization.id) : await createPlanSupplyOffer({ organizationId: organization.id }, { quantity: 10 });
    const before = await footprint(kase);
    const res = await pick(staff.id, kase, kase.needs[0]!, kind === "CASH" ? "PROJECT" : "SUPPLY_OFFER", resource.id, amount);
    expect(res.status).toBe(400);
    expect((res.data as { fieldErrors: Record<string, string[]> }).fieldErrors.amount).toBeDefined();
    expect(await footprint(kase)).toEqual(before);
  });

  it("refuses more than the suggestion can cover (409, with what is left) and a line of another case (400)", async () => {
    const { county, staff, kase } = await setting([{ kind: "ITEM", target: 10 }]);
    const { organization } = await createOwnerOrganization(county);
    const offer = await createPlanSupplyOffer({ organizationId: organization.id }, { quantity: 7, quantityReserved: 4 });
    const before = await footprint(kase);
    const over = await pick(staff.id, kase, kase.needs[0]!, "SUPPLY_OFFER", offer.id, "4");
    expect(over.status).toBe(409);
    expect((over.data as { fieldErrors: { amount: string[] } }).fieldErrors.amount[0]).toContain('"max":3');
    const elsewhere = await setting([{ kind: "ITEM", target: 2 }]);
    const wrongLine = await pick(staff.id, kase, elsewhere.kase.needs[0]!, "SUPPLY_OFFER", offer.id, "1");
    expect(wrongLine.status).toBe(400);
    expect(await footprint(kase)).toEqual(before);
  });

  it("refuses a resource that cannot serve the line with the engine's reasons (422), and a full line (409)", async () => {
    const { county, staff, kase } = await setting([{ kind: "CASH", target: 500_000 }, { kind: "ITEM", target: 2 }]);
    const { organization } = await createOwnerOrganization(county);
    const paused = await createPlanProject(organization.id, { status: "PAUSED" });
    const notEligible = await pick(staff.id, kase, kase.needs[0]!, "PROJECT", paused.id, "100");
    expect(notEligible.status).toBe(422);
    expect((notEligible.data as { reasons: Array<{ key: string }> }).reasons.map((r) => r.key)).toContain("matching.ineligible.statusPaused");

    const offer = await createPlanSupplyOffer({ organizationId: organization.id }, { quantity: 10 });
    expect((await pick(staff.id, kase, kase.needs[1]!, "SUPPLY_OFFER", offer.id, "2")).status).toBe(303);
    const full = await pick(staff.id, kase, kase.needs[1]!, "SUPPLY_OFFER", offer.id, "1");
    expect(full.status).toBe(409);
    expect((full.data as { formError: string }).formError).toBe("planDesk.errors.lineFull");
    expect(await prisma.commitment.count({ where: { caseId: kase.id } })).toBe(1);
  });

  it("answers 403 to staff outside the case's scope and to reviewers who do not work cases, writing nothing", async () => {
    const { county, kase } = await setting([{ kind: "ITEM", target: 2 }]);
    const { organization } = await createOwnerOrganization(county);
    const offer = await createPlanSupplyOffer({ organizationId: organization.id }, { quantity: 10 });
    const outsider = await staffOf(await createCounty());
    const reviewer = await createUser({ roles: ["REVIEWER"], scopeRegionCode: county.code });
    const before = await footprint(kase);
    expect((await pick(outsider.id, kase, kase.needs[0]!, "SUPPLY_OFFER", offer.id, "1")).status).toBe(403);
    expect((await pick(reviewer.id, kase, kase.needs[0]!, "SUPPLY_OFFER", offer.id, "1")).status).toBe(403);
    expect(await footprint(kase)).toEqual(before);
  });

  it("is refused on a case that is not published (its lines are not fixed yet)", async () => {
    const { county, staff, kase } = await setting([{ kind: "ITEM", target: 2 }], { status: "VERIFIED" });
    const { organization } = await createOwnerOrganization(county);
    const offer = await createPlanSupplyOffer({ organizationId: organization.id }, { quantity: 10 });
    const res = await pick(staff.id, kase, kase.needs[0]!, "SUPPLY_OFFER", offer.id, "1");
    expect(res.status).toBe(422);
    expect((res.data as { formError: string }).formError).toBe("planDesk.errors.caseNotPlannable");
    expect(await prisma.commitment.count({ where: { caseId: kase.id } })).toBe(0);
  });

  it("turns a fund pick into a grant request through the funds module", async () => {
    const { county, staff, kase } = await setting([{ kind: "CASH", target: 1_000_000 }]);
    const fund = await createFund(county.code, 5_000_000, { reviewThresholdFen: 100_000 });
    const res = await pick(staff.id, kase, kase.needs[0]!, "FUND", fund.id, "3000");
    expect(res.status).toBe(303);
    const grant = await prisma.fundGrant.findFirstOrThrow({ where: { caseId: kase.id } });
    expect(grant).toMatchObject({ fundId: fund.id, amountFen: 300_000, status: "REQUESTED", requestedById: staff.id });
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: `${grant.id}-grant` } })).toMatchObject({ source: "FUND", status: "PLEDGED", amount: 300_000 });
    expect(await prisma.need.findUniqueOrThrow({ where: { id: kase.needs[0]!.id } })).toMatchObject({ committed: 300_000 });
  });
});

describe("concurrent picks", () => {
  it("the last 10 quilts: eight staff picking 3 each for eight cases → exactly three picks, 9 quilts", async () => {
    const county = await createCounty();
    const staff = await staffOf(county);
    const { organization } = await createOwnerOrganization(county);
    const offer = await createPlanSupplyOffer({ organizationId: organization.id }, { quantity: 50, quantityReserved: 40 });
    const cases = await Promise.all(Array.from({ length: 8 }, () => createPlanCase(county, [{ kind: "ITEM", target: 3 }])));
    const results = await Promise.all(cases.map((kase) => pick(staff.id, kase, kase.needs[0]!, "SUPPLY_OFFER", offer.id, "3")));
    expect(results.filter((r) => r.status === 303)).toHaveLength(3);
    expect(results.filter((r) => r.status !== 303).every((r) => r.status === 409)).toBe(true);
    const committed = await prisma.commitment.aggregate({ where: { supplyOfferId: offer.id, status: "PLEDGED" }, _sum: { amount: true } });
    expect(committed._sum.amount).toBe(9);
    expect(await prisma.supplyOffer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ quantityReserved: 49 });
    // The losers' lines were rolled back with them.
    const lines = await prisma.need.findMany({ where: { caseId: { in: cases.map((c) => c.id) } }, select: { committed: true } });
    expect(lines.reduce((s, l) => s + l.committed, 0)).toBe(9);
  });

  it("the last ¥2,000 of a project: six picks of ¥1,000 → exactly two", async () => {
    const county = await createCounty();
    const staff = await staffOf(county);
    const { organization } = await createOwnerOrganization(county);
    const project = await createPlanProject(organization.id, { budgetFen: 10_000_000, reservedFen: 9_800_000 });
    const cases = await Promise.all(Array.from({ length: 6 }, () => createPlanCase(county, [{ kind: "CASH", target: 500_000 }])));
    const results = await Promise.all(cases.map((kase) => pick(staff.id, kase, kase.needs[0]!, "PROJECT", project.id, "1000")));
    expect(results.map((r) => r.status).sort()).toEqual([303, 303, 409, 409, 409, 409]);
    expect(await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ reservedFen: 10_000_000 });
    expect(await prisma.commitment.count({ where: { projectId: project.id } })).toBe(2);
  });

  it("the last hours of a volunteer: five picks of 4 hours out of 10 → exactly two", async () => {
    const county = await createCounty();
    const staff = await staffOf(county);
    const { offer } = await createVolunteerWithOffer(10);
    const cases = await Promise.all(Array.from({ length: 5 }, () => createPlanCase(county, [{ kind: "SERVICE", target: 4 }])));
    const results = await Promise.all(cases.map((kase) => pick(staff.id, kase, kase.needs[0]!, "VOLUNTEER_OFFER", offer.id, "4")));
    expect(results.filter((r) => r.status === 303)).toHaveLength(2);
    expect(await prisma.volunteerOffer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ hoursReserved: 8 });
  });

  it("a project's per-case cap holds across two lines picked at the same moment", async () => {
    const { county, staff, kase } = await setting([{ kind: "CASH", target: 500_000 }, { kind: "CASH", target: 500_000 }]);
    const { organization } = await createOwnerOrganization(county);
    const project = await createPlanProject(organization.id, { perCaseCapFen: 300_000 });
    const results = await Promise.all(kase.needs.map((need) => pick(staff.id, kase, need, "PROJECT", project.id, "2000")));
    expect(results.map((r) => r.status).sort()).toEqual([303, 409]);
    const onCase = await prisma.commitment.aggregate({ where: { projectId: project.id, caseId: kase.id }, _sum: { amount: true } });
    expect(onCase._sum.amount).toBe(200_000);
    // What is left under the cap can still be picked, and no more.
    const rest = kase.needs[1]!;
    expect((await pick(staff.id, kase, rest, "PROJECT", project.id, "1000.01")).status).toBe(409);
    expect((await pick(staff.id, kase, rest, "PROJECT", project.id, "1000")).status).toBe(303);
    expect(await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ reservedFen: 300_000 });
  });

  it("a line is never over-covered when different resources race for it", async () => {
    const { county, staff, kase } = await setting([{ kind: "ITEM", target: 6 }]);
    const { organization } = await createOwnerOrganization(county);
    const offers = await Promise.all(Array.from({ length: 4 }, () => createPlanSupplyOffer({ organizationId: organization.id }, { quantity: 10 })));
    const results = await Promise.all(offers.map((offer) => pick(staff.id, kase, kase.needs[0]!, "SUPPLY_OFFER", offer.id, "4")));
    expect(results.filter((r) => r.status === 303)).toHaveLength(1);
    expect(await prisma.need.findUniqueOrThrow({ where: { id: kase.needs[0]!.id } })).toMatchObject({ committed: 4 });
    const reserved = await prisma.supplyOffer.aggregate({ where: { id: { in: offers.map((o) => o.id) } }, _sum: { quantityReserved: true } });
    expect(reserved._sum.quantityReserved).toBe(4);
  });

  it("whatever the amounts, parallel picks never promise more stock than there is (property)", async () => {
    const county = await createCounty();
    const staff = await staffOf(county);
    const { organization } = await createOwnerOrganization(county);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 12 }), fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 6 }), async (stock, amounts) => {
        const offer = await createPlanSupplyOffer({ organizationId: organization.id }, { quantity: stock });
        const cases = await Promise.all(amounts.map((amount) => createPlanCase(county, [{ kind: "ITEM", target: amount }])));
        const results = await Promise.all(cases.map((kase, i) => pick(staff.id, kase, kase.needs[0]!, "SUPPLY_OFFER", offer.id, String(amounts[i]))));
        const won = amounts.filter((_, i) => results[i]!.status === 303).reduce((s, a) => s + a, 0);
        expect(results.every((r) => r.status === 303 || r.status === 409)).toBe(true);
        const row = await prisma.supplyOffer.findUniqueOrThrow({ where: { id: offer.id } });
        const sum = await prisma.commitment.aggregate({ where: { supplyOfferId: offer.id }, _sum: { amount: true } });
        expect(row.quantityReserved).toBe(won);
        expect(sum._sum.amount ?? 0).toBe(won);
        expect(won).toBeLessThanOrEqual(stock);
        // The first pick always fits when its amount does: someone gets the stock.
        if (amounts.some((a) => a <= stock)) expect(won).toBeGreaterThan(0);
      }),
      { numRuns: 6 },
    );
  });
});

describe("unpicking", () => {
  it("frees both reservations and reopens the line; a stale second click gets 409", async () => {
    const { county, staff, kase } = await setting([{ kind: "ITEM", target: 3 }]);
    const { organization } = await createOwnerOrganization(county);
    const offer = await createPlanSupplyOffer({ organizationId: organization.id }, { quantity: 10 });
    await pick(staff.id, kase, kase.needs[0]!, "SUPPLY_OFFER", offer.id, "3");
    const commitment = await prisma.commitment.findFirstOrThrow({ where: { caseId: kase.id } });
    expect(await prisma.need.findUniqueOrThrow({ where: { id: kase.needs[0]!.id } })).toMatchObject({ status: "COVERED" });

    const unpick = (version: number) => postForm(planAction, planUrl(kase.caseNo), { caseNo: kase.caseNo }, { intent: "unpick", commitmentId: commitment.id, version: String(version) }, { userId: staff.id });
    expect((await unpick(commitment.version)).status).toBe(303);
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: commitment.id } })).toMatchObject({ status: "CANCELLED", version: commitment.version + 1 });
    expect(await prisma.need.findUniqueOrThrow({ where: { id: kase.needs[0]!.id } })).toMatchObject({ committed: 0, status: "OPEN" });
    expect(await prisma.supplyOffer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ quantityReserved: 0 });
    expect((await unpick(commitment.version)).status).toBe(409);
    expect(await prisma.supplyOffer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ quantityReserved: 0 });
    // A bad form: 400; another case's commitment: 404.
    expect((await postForm(planAction, planUrl(kase.caseNo), { caseNo: kase.caseNo }, { intent: "unpick", commitmentId: commitment.id, version: "x" }, { userId: staff.id })).status).toBe(400);
    const other = await setting([{ kind: "ITEM", target: 1 }]);
    const foreign = await postForm(planAction, planUrl(other.kase.caseNo), { caseNo: other.kase.caseNo }, { intent: "unpick", commitmentId: commitment.id, version: "1" }, { userId: other.staff.id });
    expect(foreign.status).toBe(404);
  });

  it("is refused once the case is no longer being planned (422), leaving the reservations", async () => {
    const { county, staff, kase } = await setting([{ kind: "ITEM", target: 3 }]);
    const { organization } = await createOwnerOrganization(county);
    const offer = await createPlanSupplyOffer({ organizationId: organization.id }, { quantity: 10 });
    await pick(staff.id, kase, kase.needs[0]!, "SUPPLY_OFFER", offer.id, "2");
    const commitment = await prisma.commitment.findFirstOrThrow({ where: { caseId: kase.id } });
    await prisma.case.update({ where: { id: kase.id }, data: { status: "CLOSED" } });
    const res = await postForm(planAction, planUrl(kase.caseNo), { caseNo: kase.caseNo }, { intent: "unpick", commitmentId: commitment.id, version: String(commitment.version) }, { userId: staff.id });
    expect(res.status).toBe(422);
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: commitment.id } })).toMatchObject({ status: "PLEDGED" });
    expect(await prisma.supplyOffer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ quantityReserved: 2 });
  });
});

describe("owners respond at /account/assignments", () => {
  it("an organisation member sees the pick, accepts it (CONFIRMED, who and when), and the line stays covered", async () => {
    const { county, staff, kase } = await setting([{ kind: "ITEM", target: 2 }]);
    const { organization, member } = await createOwnerOrganization(county);
    const offer = await createPlanSupplyOffer({ organizationId: organization.id }, { quantity: 10 });
    await pick(staff.id, kase, kase.needs[0]!, "SUPPLY_OFFER", offer.id, "2");
    const page = await getPage(assignmentsLoader, "/account/assignments", {}, { userId: member.id });
    const { open } = page.data as { open: Array<{ id: string; version: number; intents: string[]; caseNo: string }> };
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ caseNo: kase.caseNo, intents: ["accept", "decline"] });

    expect((await answer(member.id, { intent: "accept", commitmentId: open[0]!.id, version: String(open[0]!.version) })).status).toBe(303);
    const row = await prisma.commitment.findUniqueOrThrow({ where: { id: open[0]!.id } });
    expect(row).toMatchObject({ status: "CONFIRMED", confirmedById: member.id });
    expect(row.confirmedAt).not.toBeNull();
    expect(await prisma.auditEvent.count({ where: { entityId: row.id, action: "commitment.accept", actorId: member.id } })).toBe(1);
    // Accepting twice: the version moved on.
    expect((await answer(member.id, { intent: "accept", commitmentId: row.id, version: String(open[0]!.version) })).status).toBe(409);
  });

  it("a decline frees both reservations and the line shows open again; it needs a reason and the owner", async () => {
    const { county, staff, kase } = await setting([{ kind: "CASH", target: 300_000 }]);
    const { organization, member } = await createOwnerOrganization(county);
    const project = await createPlanProject(organization.id, { regionCodes: [county.code] });
    await pick(staff.id, kase, kase.needs[0]!, "PROJECT", project.id, "3000");
    const commitment = await prisma.commitment.findFirstOrThrow({ where: { caseId: kase.id } });
    expect(await prisma.need.findUniqueOrThrow({ where: { id: kase.needs[0]!.id } })).toMatchObject({ status: "COVERED" });

    const stranger = await createUser({ roles: ["ORG_MEMBER"] });
    const decline = (userId: string, reason: string) => answer(userId, { intent: "decline", commitmentId: commitment.id, version: String(commitment.version), reason });
    expect((await decline(stranger.id, "不是我们的")).status).toBe(403);
    expect((await decline(member.id, "")).status).toBe(400);
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: commitment.id } })).toMatchObject({ status: "PLEDGED" });

    expect((await decline(member.id, "本月预算已用于其他个案")).status).toBe(303);
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: commitment.id } })).toMatchObject({ status: "CANCELLED", cancelReason: "本月预算已用于其他个案" });
    expect(await prisma.need.findUniqueOrThrow({ where: { id: kase.needs[0]!.id } })).toMatchObject({ committed: 0, status: "OPEN" });
    expect(await prisma.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ reservedFen: 0 });
    // The line is open for the plan again.
    const page = await getPage(planLoader, planUrl(kase.caseNo), { caseNo: kase.caseNo }, { userId: staff.id });
    const line = (page.data as { plan: { lines: Array<{ status: string; remaining: number; suggestions: Array<{ id: string }> }> } }).plan.lines[0]!;
    expect(line).toMatchObject({ status: "OPEN", remaining: 300_000 });
    expect(line.suggestions.map((s) => s.id)).toContain(project.id);
  });

  it("a volunteer logs hours: part of them, then the rest → DELIVERED, the line and the offer count them", async () => {
    const { staff, kase } = await setting([{ kind: "SERVICE", target: 10 }]);
    const { volunteer, offer } = await createVolunteerWithOffer(30);
    await pick(staff.id, kase, kase.needs[0]!, "VOLUNTEER_OFFER", offer.id, "10");
    const picked = await prisma.commitment.findFirstOrThrow({ where: { caseId: kase.id } });
    const log = (hours: string, version: number) => answer(volunteer.id, { intent: "logHours", commitmentId: picked.id, version: String(version), hours });

    expect((await log("4", picked.version)).status).toBe(422); // not accepted yet
    await answer(volunteer.id, { intent: "accept", commitmentId: picked.id, version: String(picked.version) });
    const accepted = await prisma.commitment.findUniqueOrThrow({ where: { id: picked.id } });
    expect((await log("11", accepted.version)).status).toBe(400);
    expect((await log("0", accepted.version)).status).toBe(400);

    expect((await log("4", accepted.version)).status).toBe(303);
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: picked.id } })).toMatchObject({ status: "CONFIRMED", amount: 6 });
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: `${picked.id}-h1` } })).toMatchObject({ status: "DELIVERED", amount: 4, deliveredById: volunteer.id });
    expect(await prisma.need.findUniqueOrThrow({ where: { id: kase.needs[0]!.id } })).toMatchObject({ committed: 10, delivered: 4 });
    expect(await prisma.volunteerOffer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ hoursReserved: 10, hoursDelivered: 4 });

    const page = await getPage(assignmentsLoader, "/account/assignments", {}, { userId: volunteer.id });
    const item = (page.data as { open: Array<{ id: string; amount: number; loggedHours: number; version: number; intents: string[] }> }).open[0]!;
    expect(item).toMatchObject({ id: picked.id, amount: 6, loggedHours: 4, intents: ["decline", "logHours"] });

    expect((await log("6", item.version)).status).toBe(303);
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: picked.id } })).toMatchObject({ status: "DELIVERED", amount: 6 });
    expect(await prisma.need.findUniqueOrThrow({ where: { id: kase.needs[0]!.id } })).toMatchObject({ committed: 10, delivered: 10 });
    expect(await prisma.volunteerOffer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ hoursReserved: 10, hoursDelivered: 10 });
    // Every line delivered: the case is met.
    expect(await prisma.case.findUniqueOrThrow({ where: { id: kase.id } })).toMatchObject({ status: "FULFILLED" });
  });

  it("someone else's assignment: 403 for every answer, 404 for an unknown one", async () => {
    const { staff, kase } = await setting([{ kind: "SERVICE", target: 4 }]);
    const { offer } = await createVolunteerWithOffer(10);
    await pick(staff.id, kase, kase.needs[0]!, "VOLUNTEER_OFFER", offer.id, "4");
    const commitment = await prisma.commitment.findFirstOrThrow({ where: { caseId: kase.id } });
    const other = await createUser({ roles: ["VOLUNTEER"] });
    expect((await answer(other.id, { intent: "accept", commitmentId: commitment.id, version: "0" })).status).toBe(403);
    expect((await answer(staff.id, { intent: "accept", commitmentId: commitment.id, version: "0" })).status).toBe(403);
    expect((await answer(other.id, { intent: "accept", commitmentId: "nope", version: "0" })).status).toBe(404);
    expect((await answer(other.id, { intent: "shout", commitmentId: commitment.id, version: "0" })).status).toBe(400);
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: commitment.id } })).toMatchObject({ status: "PLEDGED" });
    const visitor = await postForm(assignmentsAction, "/account/assignments", {}, { intent: "accept", commitmentId: commitment.id, version: "0" });
    expect(visitor.status).toBe(302);
  });
});

describe("duplicate-aid warnings", () => {
  it("a project that already helped the same household (another case, same emergency) asks for acknowledgement first", async () => {
    const hash = personHash();
    const county = await createCounty();
    const staff = await staffOf(county);
    const { organization } = await createOwnerOrganization(county);
    const project = await createPlanProject(organization.id);
    const earlier = await createPlanCase(county, [{ kind: "CASH", target: 500_000 }], { idNumberHash: hash });
    await pick(staff.id, earlier, earlier.needs[0]!, "PROJECT", project.id, "2000");
    const kase = await createPlanCase(county, [{ kind: "CASH", target: 500_000 }], { idNumberHash: hash });

    const before = await footprint(kase);
    const warned = await pick(staff.id, kase, kase.needs[0]!, "PROJECT", project.id, "1000");
    expect(warned.status).toBe(422);
    const body = warned.data as { warnings: Array<{ kind: string; caseNo: string }>; formError: string; values: { amount: string } };
    expect(body.formError).toBe("planDesk.duplicate.acknowledgeRequired");
    expect(body.warnings).toEqual([expect.objectContaining({ kind: "commitment", caseNo: earlier.caseNo })]);
    expect(body.values.amount).toBe("1000");
    expect(await footprint(kase)).toEqual(before);

    const acknowledged = await pick(staff.id, kase, kase.needs[0]!, "PROJECT", project.id, "1000", { acknowledge: "on" });
    expect(acknowledged.status).toBe(303);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { caseId: kase.id, action: "plan.pick" } });
    expect(audit.detail).toMatchObject({ duplicateAidWarnings: 1, duplicateAidAcknowledged: true });

    // Another household, or another programme: no warning.
    const stranger = await createPlanCase(county, [{ kind: "CASH", target: 500_000 }], { idNumberHash: personHash() });
    expect((await pick(staff.id, stranger, stranger.needs[0]!, "PROJECT", project.id, "1000")).status).toBe(303);
  });

  it("a fund pick warns about 临时救助 the household got this year", async () => {
    const hash = personHash();
    const { county, staff, kase } = await setting([{ kind: "CASH", target: 1_000_000 }], { idNumberHash: hash });
    const fund = await createFund(county.code, 5_000_000);
    await prisma.assistanceRecord.create({
      data: { idNumberHash: hash, programme: "TEMPORARY_AID", regionCode: county.code, amountFen: 200_000, purpose: "因病临时救助", startedOn: new Date(Date.now() - 60 * 86_400_000), endedOn: new Date(Date.now() - 60 * 86_400_000) },
    });
    const warned = await pick(staff.id, kase, kase.needs[0]!, "FUND", fund.id, "1000");
    expect(warned.status).toBe(422);
    expect((warned.data as { warnings: Array<{ kind: string; programme: string }> }).warnings).toEqual([expect.objectContaining({ kind: "record", programme: "TEMPORARY_AID" })]);
    expect(await prisma.fundGrant.count({ where: { caseId: kase.id } })).toBe(0);
    expect((await pick(staff.id, kase, kase.needs[0]!, "FUND", fund.id, "1000", { acknowledge: "on" })).status).toBe(303);
  });
});

describe("why not this one?", () => {
  it("names the engine's reasons for a resource that is not suggested, and 404 for an unknown one", async () => {
    const { county, staff, kase } = await setting([{ kind: "SERVICE", target: 4 }]);
    const offer = await createPlanVolunteerOffer({ userId: (await createUser({ roles: ["VOLUNTEER"] })).id }, { hoursOffered: 10, skills: ["TUTORING"] });
    const ask = (resourceId: string, source = "VOLUNTEER_OFFER") =>
      postForm(planAction, planUrl(kase.caseNo), { caseNo: kase.caseNo }, { intent: "whyNot", needId: kase.needs[0]!.id, source, resourceId }, { userId: staff.id });
    const res = await ask(offer.id);
    expect(res.status).toBe(200);
    const whyNot = (res.data as { whyNot: { explanation: { eligible: boolean; reasons: Array<{ key: string }> } } }).whyNot;
    expect(whyNot.explanation.eligible).toBe(false);
    expect(whyNot.explanation.reasons.map((r) => r.key)).toEqual(["matching.ineligible.skillMissing"]);
    expect((await ask("no-such-offer")).status).toBe(404);
    expect((await ask(offer.id, "SPACESHIP")).status).toBe(400);
    void county;
  });
});

describe("the printable plan", () => {
  it("lists each line's resources with who planned them, and no personal data", async () => {
    const { county, staff, kase } = await setting([{ kind: "ITEM", target: 2 }]);
    const { organization } = await createOwnerOrganization(county);
    const offer = await createPlanSupplyOffer({ organizationId: organization.id }, { quantity: 10 });
    await pick(staff.id, kase, kase.needs[0]!, "SUPPLY_OFFER", offer.id, "2");
    const page = await getPage(printLoader, `${planUrl(kase.caseNo)}/print`, { caseNo: kase.caseNo }, { userId: staff.id });
    expect(page.status).toBe(200);
    const { sheet } = page.data as { sheet: { caseNo: string; alias: string; lines: Array<{ commitments: Array<{ giverName: string; plannedBy: string; amount: number }> }> } };
    expect(sheet).toMatchObject({ caseNo: kase.caseNo, alias: "张女士" });
    expect(sheet.lines[0]!.commitments).toEqual([expect.objectContaining({ giverName: organization.name, plannedBy: staff.displayName, amount: 2 })]);
    const text = JSON.stringify(page.data);
    for (const personal of ["测试受助人", "13800000000", "测试村 1 号"]) expect(text).not.toContain(personal);
  });
});
