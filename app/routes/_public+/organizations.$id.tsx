import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { GivenTable } from "~/components/resources/given-table.tsx";
import { ProjectCard } from "~/components/resources/project-card.tsx";
import { SupplyOfferTable } from "~/components/resources/supply-offer-table.tsx";
import { Fact } from "~/components/resources/tag-list.tsx";
import { getPublicOrganization } from "~/modules/resources/get-organization.server.ts";
import { formatDate } from "~/utils/dates.ts";
import { getLocale, getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organization = await getPublicOrganization(params.id ?? "");
  if (!organization) throw data({ status: 404 }, { status: 404 });
  const [t, locale] = await Promise.all([getT(request), getLocale(request)]);
  const description = t("organizations.metaDescription", { name: organization.name, kind: t(`org.kind.${organization.kind}`) });
  return { meta: { title: organization.name, description }, organization, locale };
}

export default function OrganizationPage() {
  const { organization: org, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{org.name}</h1>
        <p className="inline-block rounded bg-emerald-50 px-2 py-0.5 text-sm font-medium text-emerald-900"><span aria-hidden="true">✓</span> {t("organizations.vetted")}</p>
        <dl className="space-y-1 text-sm">
          <Fact term={t("organizations.kind")}>{t(`org.kind.${org.kind}`)}</Fact>
          <Fact term={t("organizations.region")}>{org.region.fullName}</Fact>
          {org.vettedAt && <Fact term={t("organizations.vettedAt")}>{formatDate(org.vettedAt, locale)}</Fact>}
          {org.website && (
            <Fact term={t("organizations.website")}>
              {/^https?:\/\//i.test(org.website) ? (
                <a href={org.website} rel="noopener noreferrer nofollow" className="text-brand-800 underline">{org.website}</a>
              ) : org.website}
            </Fact>
          )}
        </dl>
      </header>

      <section aria-labelledby="org-about">
        <h2 id="org-about" className="text-lg font-semibold">{t("organizations.about")}</h2>
        <p className="mt-2 max-w-3xl whitespace-pre-line leading-7">{org.description}</p>
      </section>

      <section aria-labelledby="org-given" className="space-y-3">
        <h2 id="org-given" className="text-lg font-semibold">{t("organizations.given")}</h2>
        <p className="text-sm text-stone-700">{t("organizations.givenIntro")}</p>
        <dl className="text-sm">
          <Fact term={t("organizations.casesHelped")}><span className="tabular-nums" data-testid="cases-helped">{org.casesHelped}</span></Fact>
        </dl>
        <GivenTable lines={org.given} />
      </section>

      <section aria-labelledby="org-projects" className="space-y-3">
        <h2 id="org-projects" className="text-lg font-semibold">{t("organizations.projects")}</h2>
        {org.projects.length === 0 ? (
          <p className="text-stone-700">{t("organizations.noProjects")}</p>
        ) : (
          <div className="grid gap-4 md:grid-cols-2">
            {org.projects.map((project) => <ProjectCard key={project.id} project={project} headingLevel={3} showOrganization={false} />)}
          </div>
        )}
      </section>

      <section aria-labelledby="org-supplies" className="space-y-3">
        <h2 id="org-supplies" className="text-lg font-semibold">{t("organizations.supplyOffers")}</h2>
        <SupplyOfferTable offers={org.supplyOffers} />
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
