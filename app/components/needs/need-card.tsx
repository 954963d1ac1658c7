import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { PublicCase } from "~/modules/public/public-case-select.server.ts";
import { NeedLineProgress } from "./need-line-progress.tsx";
import { UrgencyBadge } from "./urgency-badge.tsx";

type CardCase = Pick<PublicCase, "caseNo" | "category" | "urgency" | "alias" | "publicTitle" | "region"> & {
  needs: Pick<PublicCase["needs"][number], "id" | "kind" | "title" | "unit" | "target" | "committed">[];
};

export function NeedCard({ item }: { item: CardCase }) {
  const { t } = useTranslation();
  return (
    <article className="flex flex-col rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <div className="flex items-center justify-between gap-2 text-xs">
        <span className="rounded bg-stone-100 px-2 py-0.5 text-stone-800">{t(`case.category.${item.category}`)}</span>
        <UrgencyBadge urgency={item.urgency} />
      </div>
      <h3 className="mt-2 font-semibold">
        <Link to={`/needs/${item.caseNo}`} className="hover:underline">{item.publicTitle ?? item.caseNo}</Link>
      </h3>
      <p className="text-sm text-stone-700">{item.alias} · {item.region.fullName}</p>
      <div className="mt-3 space-y-2">
        {item.needs.slice(0, 3).map((line) => <NeedLineProgress key={line.id} line={line} />)}
      </div>
    </article>
  );
}
