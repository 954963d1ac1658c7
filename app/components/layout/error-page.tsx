import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

const TEXTS: Record<number, { title: string; body: string }> = {
  400: { title: "errors.badRequestTitle", body: "validation.formHasErrors" },
  401: { title: "errors.unauthorizedTitle", body: "errors.forbiddenBody" },
  403: { title: "errors.forbiddenTitle", body: "errors.forbiddenBody" },
  404: { title: "errors.notFoundTitle", body: "errors.notFoundBody" },
  409: { title: "errors.conflictTitle", body: "errors.conflictBody" },
  422: { title: "errors.unprocessableTitle", body: "errors.unprocessableBody" },
  429: { title: "errors.tooManyTitle", body: "errors.tooManyBody" },
};

/** Per-status text in the user's language; never a stack trace. */
export function ErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const text = TEXTS[status] ?? { title: "errors.serverTitle", body: "errors.serverBody" };
  return (
    <section className="mx-auto max-w-xl py-16 text-center" aria-labelledby="error-title">
      {/* Route meta functions get no loader data on an error, so the error page names the document
          itself (WCAG 2.4.2); React 18 leaves it in the body, where document.title still finds it. */}
      <title>{`${t(text.title)} · ${t("app.name")}`}</title>
      <p className="text-5xl font-bold text-brand-700">{status}</p>
      <h1 id="error-title" className="mt-4 text-2xl font-semibold">{t(text.title)}</h1>
      <p className="mt-3 text-stone-700">{t(text.body)}</p>
      <Link to="/" className="mt-8 inline-block rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
        {t("errors.backHome")}
      </Link>
    </section>
  );
}
