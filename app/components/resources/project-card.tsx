import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Money } from "~/components/ui/money.tsx";
import { ProgressBar } from "~/components/ui/progress-bar.tsx";
import { fen, formatFen } from "~/domain/money.ts";
import type { PublicProjectSummary } from "~/modules/resources/list-projects.server.ts";
import { Fact, TagList } from "./tag-list.tsx";

/** Budget against what is already committed to cases, with both numbers in the label. */
export function BudgetProgress({ budgetFen, reservedFen }: { budgetFen: number; reservedFen: number }) {
  const { t } = useTranslation();
  return (
    <ProgressBar value={reservedFen} max={budgetFen}
      label={t("projects.reservedOfBudget", { reserved: formatFen(fen(reservedFen)), budget: formatFen(fen(budgetFen)) })} />
  );
}

/** A project in a list: title, who runs it, what it covers, where, its cap and its budget. */
export function ProjectCard({ project, headingLevel = 2, showOrganization = true }: { project: PublicProjectSummary; headingLevel?: 2 | 3; showOrganization?: boolean }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm" data-testid="project-card">
      <div>
        <Heading className="text-lg font-semibold">
          <Link to={`/projects/${project.id}`} className="text-stone-900 hover:underline">{project.title}</Link>
        </Heading>
        {(showOrganization || project.status !== "ACTIVE") && (
          <p className="text-sm text-stone-700">
            {showOrganization && (
              <>
                {t("projects.organization")}:{" "}
                <Link to={`/organizations/${project.organization.id}`} className="text-brand-800 underline">{project.organization.name}</Link>
              </>
            )}
            {showOrganization && project.status !== "ACTIVE" && " · "}
            {project.status !== "ACTIVE" && t(`resourceStatus.${project.status}`)}
          </p>
        )}
      </div>
      <p className="text-sm leading-6 text-stone-800">{project.summary}</p>
      <TagList label={t("projects.categories")} items={project.categories.map((c) => t(`case.category.${c}`))} />
      <dl className="space-y-1 text-sm">
        <Fact term={t("projects.regions")}>
          <TagList label={t("projects.regions")} items={project.regions.map((r) => r.fullName)} emptyText={t("projects.allRegions")} />
        </Fact>
        <Fact term={t("projects.perCaseCap")}><Money fen={project.perCaseCapFen} /></Fact>
      </dl>
      <div className="mt-auto">
        <BudgetProgress budgetFen={project.budgetFen} reservedFen={project.reservedFen} />
      </div>
    </article>
  );
}
