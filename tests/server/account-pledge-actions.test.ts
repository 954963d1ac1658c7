// A giver's own steps on goods or hours they pledged, from /account: mark delivered, or withdraw.
import { describe, expect, it } from "vitest";
import { reserveNeedLine } from "~/modules/needs/need-line-coverage.server.ts";
import { action } from "~/routes/account+/_index.tsx";
import { prisma } from "~/utils/db.server.ts";
import { createCounty, createUser } from "../factories/index.ts";
import { createPublishedCase, postForm } from "../factories/pledges.ts";

async function pledgedQuilts(status: "PLEDGED" | "CONFIRMED") {
  const county = await createCounty();
  const giver = await createUser({ roles: ["DONOR"] });
  const row = await createPublishedCase(county, [{ kind: "ITEM", title: "棉被", target: 5 }]);
  const need = row.needs[0]!;
  const commitment = await prisma.$transaction(async (tx) => {
    await reserveNeedLine(tx, need.id, 3);
    return tx.commitment.create({ data: { caseId: row.id, needId: need.id, source: "DIRECT_PLEDGE", pledgerId: giver.id, pledgerName: "刘洋", amount: 3, status } });
  });
  return { giver, need, commitment };
}

const post = (userId: string, fields: Record<string, string>) => postForm(action, "/account", {}, fields, { userId });

describe("/account pledge actions", () => {
  it("lets the pledger mark confirmed goods delivered, which counts on the line", async () => {
    const { giver, need, commitment } = await pledgedQuilts("CONFIRMED");
    const answer = await post(giver.id, { commitmentId: commitment.id, version: String(commitment.version), intent: "deliver" });
    expect(answer.status).toBe(303);
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: commitment.id } })).toMatchObject({ status: "DELIVERED", deliveredById: giver.id });
    expect(await prisma.need.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({ committed: 3, delivered: 3 });
  });

  it("lets the pledger withdraw with a reason, which opens the line again; without a reason nothing changes", async () => {
    const { giver, need, commitment } = await pledgedQuilts("PLEDGED");
    const noReason = await post(giver.id, { commitmentId: commitment.id, version: String(commitment.version), intent: "cancel" });
    expect(noReason.status).toBeGreaterThanOrEqual(400);
    expect(noReason.status).toBeLessThan(500);
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: commitment.id } })).toMatchObject({ status: "PLEDGED" });

    const withdrawn = await post(giver.id, { commitmentId: commitment.id, version: String(commitment.version), intent: "cancel", reason: "家中变故，无法送达" });
    expect(withdrawn.status).toBe(303);
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: commitment.id } })).toMatchObject({ status: "CANCELLED" });
    expect(await prisma.need.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({ committed: 0, status: "OPEN" });
  });

  it("refuses someone else (403), the office's own steps (400) and a stale form (409), changing nothing", async () => {
    const { commitment } = await pledgedQuilts("PLEDGED");
    const stranger = await createUser({ roles: ["DONOR"] });
    expect((await post(stranger.id, { commitmentId: commitment.id, version: String(commitment.version), intent: "cancel", reason: "不是我的" })).status).toBe(403);

    const owner = (await prisma.commitment.findUniqueOrThrow({ where: { id: commitment.id }, select: { pledgerId: true } })).pledgerId!;
    expect((await post(owner, { commitmentId: commitment.id, version: String(commitment.version), intent: "confirm" })).status).toBe(400);
    expect((await post(owner, { commitmentId: commitment.id, version: String(commitment.version + 5), intent: "cancel", reason: "过期表单" })).status).toBe(409);
    expect(await prisma.commitment.findUniqueOrThrow({ where: { id: commitment.id } })).toMatchObject({ status: "PLEDGED", version: commitment.version });
  });
});
