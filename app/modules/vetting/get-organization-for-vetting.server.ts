import { validateCreditCode } from "~/domain/credit-code.ts";
import { prisma } from "~/utils/db.server.ts";

/**
 * What staff check before vetting: the registration details (with the contact person the
 * organisation registered, which public pages never show), the credit code's check-character
 * result, the members by display name, and the decisions taken so far. Null when unknown.
 */
export async function getOrganizationForVetting(id: string) {
  const organization = await prisma.organization.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      kind: true,
      creditCode: true,
      status: true,
      statusReason: true,
      description: true,
      contactName: true,
      contactPhone: true,
      website: true,
      vettedAt: true,
      vettedById: true,
      createdAt: true,
      region: { select: { code: true, fullName: true } },
      members: { orderBy: [{ role: "asc" }, { userId: "asc" }], select: { role: true, user: { select: { id: true, displayName: true } } } },
    },
  });
  if (!organization) return null;
  const [vettedBy, history] = await Promise.all([
    organization.vettedById ? prisma.user.findUnique({ where: { id: organization.vettedById }, select: { displayName: true } }) : null,
    prisma.auditEvent.findMany({
      where: { entityType: "Organization", entityId: organization.id },
      orderBy: { id: "asc" },
      select: { id: true, at: true, action: true, fromState: true, toState: true, detail: true, actor: { select: { displayName: true } } },
    }),
  ]);
  const { vettedById: _vettedById, ...rest } = organization;
  const check = validateCreditCode(organization.creditCode);
  return {
    ...rest,
    creditCodeCheck: check.ok ? { ok: true as const } : { ok: false as const, reason: check.reason },
    vettedBy: vettedBy?.displayName ?? null,
    history: history.map(({ detail, ...e }) => ({ ...e, id: e.id.toString(), reason: reasonOf(detail) })),
  };
}

function reasonOf(detail: unknown): string | null {
  if (detail && typeof detail === "object" && "reason" in detail && typeof detail.reason === "string") return detail.reason;
  return null;
}
