import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { OrganizationNotice } from "~/components/owner-resources/organization-notice.tsx";
import { OwnedResourceTable } from "~/components/owner-resources/owned-resource-table.tsx";
import { OrganizationStatusBadge } from "~/components/oversight/status-badges.tsx";
import { buttonClass } from "~/components/ui/field.tsx";
import { Money } from "~/components/ui/money.tsx";
import { getOrganizationDesk } from "~/modules/owner-resources/get-organization-desk.server.ts";
import { requireOrganizationMember } from "~/modules/owner-resources/require-organization-member.server.ts";
import { formatDate, isoDateOf } from "~/utils/dates.ts";
import { getLocale, getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, memberRole } = await requireOrganizationMember(request, params.orgId ?? "");
  const [t, locale, desk] = await Promise.all([getT(request), getLocale(request), getOrganizationDesk(organization.id)]);
  return { meta: { title: `${organization.name} · ${t("org.title")}` }, organization, memberRole, locale, ...desk };
}

export default function OrganizationDeskPage() {
  const { organization: org, memberRole, locale, projects, supplyOffers } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = `/org/${org.id}`;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p><Link to="/org" className="text-sm text-brand-800 underline">{t("orgDesk.back")}</Link></p>
        <h1 className="text-2xl font-bold">{org.name}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-stone-700">
          <span>{t(`org.kind.${org.kind}`)}</span>
          <OrganizationStatusBadge status={org.status} />
          <span>{t("orgDesk.myRole", { role: t(`vetting.detail.memberRole.${memberRole}`) })}</span>
          {org.isVetted && <Link to={`/organizations/${org.id}`} className="text-brand-800 underline">{t("orgDesk.publicPage")}</Link>}
        </p>
        <OrganizationNotice status={org.status} reason={org.statusReason} />
      </header>

      <DeskSection id="desk-projects" title={t("orgDesk.projectsTitle")} newLink={org.isVetted ? { to: `${base}/projects/new`, label: t("orgDesk.newProject") } : undefined}>
        <OwnedResourceTable
          rows={projects}
          empty={t("orgDesk.noProjects")}
          name={{ header: t("orgDesk.columns.title"), text: (p) => p.title, to: (p) => `${base}/projects/${p.id}` }}
          statusHeader={t("orgDesk.columns.status")}
          columns={[
            { header: t("orgDesk.columns.budget"), cell: (p) => <><Money fen={p.reservedFen} /> / <Money fen={p.budgetFen} /></> },
            { header: t("orgDesk.columns.endsOn"), cell: (p) => (p.endsOn ? isoDateOf(new Date(p.endsOn)) : t("orgDesk.noEnd")) },
            { header: t("orgDesk.columns.updatedAt"), cell: (p) => formatDate(p.updatedAt, locale) },
          ]}
        />
      </DeskSection>

      <DeskSection id="desk-supplies" title={t("orgDesk.suppliesTitle")} newLink={org.isVetted ? { to: `${base}/supplies/new`, label: t("orgDesk.newSupply") } : undefined}>
        <OwnedResourceTable
          rows={supplyOffers}
          empty={t("orgDesk.noSupplies")}
          name={{ header: t("orgDesk.columns.item"), text: (s) => s.itemName, to: (s) => `${base}/supplies/${s.id}` }}
          statusHeader={t("orgDesk.columns.status")}
          columns={[
            { header: t("orgDesk.columns.stock"), className: "tabular-nums", cell: (s) => `${s.quantityReserved} / ${s.quantity} ${s.unit}` },
            { header: t("orgDesk.columns.expiresOn"), cell: (s) => (s.expiresOn ? isoDateOf(new Date(s.expiresOn)) : t("orgDesk.noEnd")) },
            { header: t("orgDesk.columns.updatedAt"), cell: (s) => formatDate(s.updatedAt, locale) },
          ]}
        />
      </DeskSection>
    </div>
  );
}

/** One kind of the organisation's resources, with a "new" button for members of a vetted organisation. */
function DeskSection({ id, title, newLink, children }: { id: string; title: string; newLink?: { to: string; label: string }; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold">{title}</h2>
        {newLink && <Link to={newLink.to} className={buttonClass}>{newLink.label}</Link>}
      </div>
      {children}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
