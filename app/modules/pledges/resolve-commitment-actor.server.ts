import type { CommitmentActor } from "~/domain/pledges/commitment-status.ts";
import { can } from "~/domain/permissions.ts";
import type { CurrentUser } from "~/utils/auth.server.ts";
import type { Tx } from "~/utils/db.server.ts";

/**
 * In which capacity a signed-in user acts on a commitment: "staff" when they work cases in the
 * case's region (the owning office's scope), "pledger" when they made the pledge or belong to the
 * organisation that did, otherwise null (→ 403).
 */
export async function resolveCommitmentActor(
  tx: Tx,
  user: CurrentUser,
  commitment: { pledgerId: string | null; organizationId: string | null; case: { regionCode: string } },
): Promise<Exclude<CommitmentActor, "system"> | null> {
  if (can(user, "case.work", { regionCode: commitment.case.regionCode })) return "staff";
  if (commitment.pledgerId === user.id) return "pledger";
  if (commitment.organizationId) {
    const member = await tx.organizationMember.findUnique({
      where: { organizationId_userId: { organizationId: commitment.organizationId, userId: user.id } },
      select: { userId: true },
    });
    if (member) return "pledger";
  }
  return null;
}
