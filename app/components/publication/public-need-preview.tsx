import { useTranslation } from "react-i18next";
import { NeedCard } from "~/components/needs/need-card.tsx";
import { NeedLineProgress } from "~/components/needs/need-line-progress.tsx";
import { UrgencyBadge } from "~/components/needs/urgency-badge.tsx";
import type { PublicationPreview } from "~/modules/publication/preview-publication.server.ts";

/**
 * The public card (/needs) and the need page (/needs/:caseNo) as they will look once published,
 * drawn with the same components and layout as the public pages.
 */
export function PublicNeedPreview({ need }: { need: PublicationPreview }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="preview-title" className="space-y-4 rounded-lg border-2 border-dashed border-brand-600 bg-stone-50 p-4" data-testid="publication-preview">
      <div>
        <h2 id="preview-title" className="text-lg font-semibold">{t("publication.previewTitle")}</h2>
        <p className="text-sm text-stone-700">{t("publication.previewNote")}</p>
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div>
          <h3 className="mb-2 text-sm font-semibold text-stone-700">{t("publication.previewCard")}</h3>
          <NeedCard item={need} />
        </div>
        <article className="space-y-4 rounded-lg border border-stone-200 bg-white p-4 lg:col-span-2">
          <h3 className="text-sm font-semibold text-stone-700">{t("publication.previewPage")}</h3>
          <header>
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="rounded bg-stone-100 px-2 py-0.5">{t(`case.category.${need.category}`)}</span>
              <UrgencyBadge urgency={need.urgency} />
              <span className="rounded bg-stone-100 px-2 py-0.5">{t("case.status.PUBLISHED")}</span>
            </div>
            <p className="mt-2 text-2xl font-bold">{need.publicTitle}</p>
            <p className="mt-1 text-stone-700">
              {need.alias} · {t(`case.ageBand.${need.ageBand}`)} · {need.region.fullName}
            </p>
            <p className="text-sm text-stone-600">{t("needs.caseNo")}: {need.caseNo}</p>
          </header>
          <p className="whitespace-pre-line leading-7">{need.publicStory}</p>
          <div>
            <p className="font-semibold">{t("needs.needLines")}</p>
            <div className="mt-2 space-y-3">
              {need.needs.map((line) => <NeedLineProgress key={line.id} line={line} />)}
            </div>
          </div>
          <div>
            <p className="font-semibold">{t("needs.timeline")}</p>
            <ol className="mt-2 border-l-2 border-stone-200 pl-4">
              {need.updates.map((u) => <li key={u.id}>{u.text}</li>)}
            </ol>
          </div>
        </article>
      </div>
    </section>
  );
}
