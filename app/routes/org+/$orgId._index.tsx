import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { OrganizationNotice } from "~/components/owner-resources/organization-notice.tsx";
import { ResourceStatusBadge } from "~/components/owner-resources/resource-status-badge.tsx";
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

      <section aria-labelledby="desk-projects" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="desk-projects" className="text-lg font-semibold">{t("orgDesk.projectsTitle")}</h2>
          {org.isVetted && <Link to={`${base}/projects/new`} className={buttonClass}>{t("orgDesk.newProject")}</Link>}
        </div>
        {projects.length === 0 ? <p className="text-stone-700">{t("orgDesk.noProjects")}</p> : (
          <div className="overflow-x-auto rounded border border-stone-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="bg-stone-50">
                <tr>
                  <th scope="col" className="px-3 py-2">{t("orgDesk.columns.title")}</th>
                  <th scope="col" className="px-3 py-2">{t("orgDesk.columns.status")}</th>
                  <th scope="col" className="px-3 py-2">{t("orgDesk.columns.budget")}</th>
                  <th scope="col" className="px-3 py-2">{t("orgDesk.columns.endsOn")}</th>
                  <th scope="col" className="px-3 py-2">{t("orgDesk.columns.updatedAt")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-200">
                {projects.map((p) => (
                  <tr key={p.id}>
                    <td className="px-3 py-2"><Link to={`${base}/projects/${p.id}`} className="text-brand-800 underline">{p.title}</Link></td>
                    <td className="px-3 py-2"><ResourceStatusBadge status={p.status} /></td>
                    <td className="px-3 py-2"><Money fen={p.reservedFen} /> / <Money fen={p.budgetFen} /></td>
                    <td className="px-3 py-2">{p.endsOn ? isoDateOf(new Date(p.endsOn)) : t("orgDesk.noEnd")}</td>
                    <td className="px-3 py-2">{formatDate(p.updatedAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="desk-supplies" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="desk-supplies" className="text-lg font-semibold">{t("orgDesk.suppliesTitle")}</h2>
          {org.isVetted && <Link to={`${base}/supplies/new`} className={buttonClass}>{t("orgDesk.newSupply")}</Link>}
        </div>
        {supplyOffers.length === 0 ? <p className="text-stone-700">{t("orgDesk.noSupplies")}</p> : (
          <div className="overflow-x-auto rounded border border-stone-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="bg-stone-50">
                <tr>
                  <th scope="col" className="px-3 py-2">{t("orgDesk.columns.item")}</th>
                  <th scope="col" className="px-3 py-2">{t("orgDesk.columns.status")}</th>
                  <th scope="col" className="px-3 py-2">{t("orgDesk.columns.stock")}</th>
                  <th scope="col" className="px-3 py-2">{t("orgDesk.columns.expiresOn")}</th>
                  <th scope="col" className="px-3 py-2">{t("orgDesk.columns.updatedAt")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-200">
                {supplyOffers.map((s) => (
                  <tr key={s.id}>
                    <td className="px-3 py-2"><Link to={`${base}/supplies/${s.id}`} className="text-brand-800 underline">{s.itemName}</Link></td>
                    <td className="px-3 py-2"><ResourceStatusBadge status={s.status} /></td>
                    <td className="px-3 py-2 tabular-nums">{s.quantityReserved} / {s.quantity} {s.unit}</td>
                    <td className="px-3 py-2">{s.expiresOn ? isoDateOf(new Date(s.expiresOn)) : t("orgDesk.noEnd")}</td>
                    <td className="px-3 py-2">{formatDate(s.updatedAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
