import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The case a pledge form is about, as the public page names it, with the way back. */
export function PledgePageHeader(props: { title: string; caseNo: string; publicTitle: string | null; alias: string | null; region: string; intro: string }) {
  const { t } = useTranslation();
  return (
    <header className="space-y-2">
      <p className="text-sm"><Link to={`/needs/${props.caseNo}`} className="text-brand-800 underline">{t("pledging.backToNeed")}</Link></p>
      <h1 className="text-2xl font-bold">{props.title}</h1>
      <p className="text-stone-700">{props.publicTitle ?? props.caseNo} · {props.alias} · {props.region}</p>
      <p className="text-stone-700">{props.intro}</p>
    </header>
  );
}
