import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { OrganizationStatusBadge } from "~/components/oversight/status-badges.tsx";
import { buttonClass } from "~/components/ui/field.tsx";
import { listMyOrganizations } from "~/modules/account/list-my-organizations.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

// Any signed-in person may open the desk: without a membership it is where an organisation applies.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [t, memberships] = await Promise.all([getT(request), listMyOrganizations(user.id)]);
  return { meta: { title: t("org.title") }, memberships };
}

export default function OrgDeskPage() {
  const { memberships } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t("org.title")}</h1>
        <p className="text-stone-700">{t("org.intro")}</p>
      </header>
      {memberships.length === 0 ? (
        <section className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
          <p>{t("org.none")}</p>
          <p className="text-sm text-stone-700">{t("orgSignup.intro")}</p>
          <Link to="/org/register" className={buttonClass}>{t("orgSignup.cta")}</Link>
        </section>
      ) : (
        <>
          <ul className="grid gap-4 md:grid-cols-2">
            {memberships.map(({ organization: o }) => (
              <li key={o.id} className="rounded-lg border border-stone-200 bg-white p-4">
                <h2 className="font-semibold"><Link to={`/org/${o.id}`} className="text-brand-800 underline">{o.name}</Link></h2>
                <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-stone-700">{t(`org.kind.${o.kind}`)} <OrganizationStatusBadge status={o.status} /></p>
                <p className="mt-2 text-sm">{t("org.projects", { count: o._count.projects })} · {t("org.supplyOffers", { count: o._count.supplyOffers })}</p>
              </li>
            ))}
          </ul>
          <p><Link to="/org/register" className="text-sm text-brand-800 underline">{t("orgSignup.ctaAnother")}</Link></p>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
