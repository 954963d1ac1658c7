import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { FundPanel } from "~/components/resources/fund-panel.tsx";
import { listFundsWithLedgers } from "~/modules/resources/list-funds.server.ts";
import { getLocale, getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request }: LoaderFunctionArgs) {
  const [t, locale, funds] = await Promise.all([getT(request), getLocale(request), listFundsWithLedgers()]);
  return { meta: { title: t("fund.title"), description: t("fund.metaDescription") }, locale, funds };
}

export default function FundPage() {
  const { funds, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-bold">{t("fund.title")}</h1>
        <p className="mt-2 max-w-3xl text-stone-700">{t("fund.intro")}</p>
      </header>
      {funds.length === 0 ? (
        <p className="text-stone-700">{t("fund.empty")}</p>
      ) : (
        funds.map((fund) => <FundPanel key={fund.id} fund={fund} locale={locale} />)
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
