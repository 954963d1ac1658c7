import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { listMyOrganizations } from "~/modules/account/list-my-organizations.server.ts";
import { requireAction } from "~/utils/auth.server.ts";
import { getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAction(request, "org.manage");
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
      {memberships.length === 0 ? <p>{t("org.none")}</p> : (
        <ul className="grid gap-4 md:grid-cols-2">
          {memberships.map(({ organization: o }) => (
            <li key={o.id} className="rounded-lg border border-stone-200 bg-white p-4">
              <h2 className="font-semibold">{o.name}</h2>
              <p className="text-sm text-stone-700">{t(`org.kind.${o.kind}`)} · {t(`org.status.${o.status}`)}</p>
              <p className="mt-2 text-sm">{t("org.projects", { count: o._count.projects })} · {t("org.supplyOffers", { count: o._count.supplyOffers })}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
