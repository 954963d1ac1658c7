import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { BudgetProgress } from "~/components/resources/project-card.tsx";
import { conditionLabel } from "~/components/resources/resource-labels.tsx";
import { Fact, TagList } from "~/components/resources/tag-list.tsx";
import { Money } from "~/components/ui/money.tsx";
import { getPublicProject } from "~/modules/resources/get-project.server.ts";
import { isoDateOf } from "~/utils/dates.ts";
import { getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const project = await getPublicProject(params.id ?? "");
  if (!project) throw data({ status: 404 }, { status: 404 });
  const t = await getT(request);
  return { meta: { title: `${project.title} · ${t("projects.title")}`, description: project.summary.slice(0, 140) }, project };
}

export default function ProjectPage() {
  const { project } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const ages =
    project.minAge != null && project.maxAge != null ? t("projects.ages", { min: project.minAge, max: project.maxAge })
      : project.minAge != null ? t("projects.minAgeOnly", { min: project.minAge })
        : project.maxAge != null ? t("projects.maxAgeOnly", { max: project.maxAge })
          : null;
  const period = project.startsOn || project.endsOn
    ? `${project.startsOn ? isoDateOf(new Date(project.startsOn)) : ""} – ${project.endsOn ? isoDateOf(new Date(project.endsOn)) : t("projects.openEnded")}`
    : t("projects.openEnded");
  return (
    <article className="grid gap-8 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <header className="space-y-2">
          <p className="text-sm"><Link to="/projects" className="text-brand-800 underline">{t("projects.backToList")}</Link></p>
          <TagList label={t("projects.categories")} items={project.categories.map((c) => t(`case.category.${c}`))} />
          <h1 className="text-2xl font-bold">{project.title}</h1>
          <p className="text-stone-700">
            {t("projects.organization")}:{" "}
            <Link to={`/organizations/${project.organization.id}`} className="text-brand-800 underline">{project.organization.name}</Link>
            {" · "}{t(`org.kind.${project.organization.kind}`)}
          </p>
          <p className="text-lg leading-8 text-stone-800">{project.summary}</p>
        </header>
        <section aria-labelledby="project-description">
          <h2 id="project-description" className="text-lg font-semibold">{t("projects.description")}</h2>
          <p className="mt-2 whitespace-pre-line leading-7">{project.description}</p>
        </section>
      </div>
      <aside className="space-y-4">
        <section aria-labelledby="project-rules" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="project-rules" className="font-semibold">{t("projects.rules")}</h2>
          <dl className="space-y-2 text-sm">
            <Fact term={t("projects.status")}>{t(`resourceStatus.${project.status}`)}</Fact>
            <Fact term={t("projects.perCaseCap")}><Money fen={project.perCaseCapFen} /></Fact>
            <Fact term={t("projects.budget")}><Money fen={project.budgetFen} /></Fact>
            <Fact term={t("projects.remaining")}><Money fen={Math.max(0, project.budgetFen - project.reservedFen)} /></Fact>
            <Fact term={t("projects.regions")}>
              <TagList label={t("projects.regions")} items={project.regions.map((r) => r.fullName)} emptyText={t("projects.allRegions")} />
            </Fact>
            {ages && <Fact term={t("projects.ageRange")}>{ages}</Fact>}
            {project.conditionTags.length > 0 && (
              <Fact term={t("projects.conditions")}>
                <TagList label={t("projects.conditions")} items={project.conditionTags.map((c) => conditionLabel(t, c))} />
              </Fact>
            )}
            <Fact term={t("projects.period")}>{period}</Fact>
            <Fact term={t("projects.casesHelped")}><span className="tabular-nums">{project.casesHelped}</span></Fact>
            <Fact term={t("projects.deliveredFen")}><Money fen={project.deliveredFen} /></Fact>
          </dl>
          <BudgetProgress budgetFen={project.budgetFen} reservedFen={project.reservedFen} />
        </section>
      </aside>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
