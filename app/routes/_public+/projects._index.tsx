import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { Pagination } from "~/components/ui/pagination.tsx";
import { ProjectCard } from "~/components/resources/project-card.tsx";
import { PageQuerySchema } from "~/modules/resources/page-query.server.ts";
import { listActiveProjects } from "~/modules/resources/list-projects.server.ts";
import { getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request }: LoaderFunctionArgs) {
  const query = PageQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [t, result] = await Promise.all([getT(request), listActiveProjects(query)]);
  return { meta: { title: t("projects.title"), description: t("projects.metaDescription") }, query, ...result };
}

export default function ProjectsPage() {
  const { query, total, pages, projects } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <header>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-2xl font-bold">{t("projects.title")}</h1>
          <p className="text-stone-700">{t("projects.count", { count: total })}</p>
        </div>
        <p className="mt-2 max-w-3xl text-stone-700">{t("projects.intro")}</p>
      </header>
      {projects.length === 0 ? (
        <p className="text-stone-700">{t("projects.empty")}</p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
          {projects.map((project) => <ProjectCard key={project.id} project={project} />)}
        </div>
      )}
      <Pagination page={query.page} pages={pages} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
