import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RoleName } from "~/domain/permissions.ts";
import type { Locale } from "~/i18n.ts";
import { navItemsFor } from "./nav-items.ts";

type Props = { locale: Locale; user: { displayName: string; roles: readonly RoleName[] } | null };

export function SiteHeader({ locale, user }: Props) {
  const { t } = useTranslation();
  const location = useLocation();
  // The switch is a plain link (works without JavaScript); the root loader stores the choice.
  const params = new URLSearchParams(location.search);
  const otherLocale: Locale = locale === "en" ? "zh-CN" : "en";
  params.set("lng", otherLocale);
  const switchHref = `${location.pathname}?${params.toString()}`;

  return (
    <header className="border-b border-stone-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link to="/" className="flex items-center gap-2 text-lg font-bold text-brand-700">
          <span aria-hidden="true" className="inline-block h-6 w-6 rounded-full bg-brand-700" />
          {t("app.name")}
        </Link>
        <div className="flex items-center gap-3 text-sm">
          {user ? (
            <>
              <span className="text-stone-700">{t("nav.signedInAs", { name: user.displayName })}</span>
              <Form method="post" action="/logout">
                <button type="submit" className="rounded border border-stone-300 px-3 py-1 hover:bg-stone-100">
                  {t("nav.logout")}
                </button>
              </Form>
            </>
          ) : (
            <>
              <Link to="/login" className="rounded px-2 py-1 hover:underline">{t("nav.login")}</Link>
              <Link to="/signup" className="rounded px-2 py-1 hover:underline">{t("nav.signup")}</Link>
            </>
          )}
          {/* The name reads "语言: English": each part in its own language, so a screen reader voices both right. */}
          <a href={switchHref} hrefLang={otherLocale} className="rounded border border-stone-300 px-3 py-1 hover:bg-stone-100">
            <span className="sr-only">{t("nav.language")}: </span>
            <span lang={otherLocale}>{t("nav.switchTo")}</span>
          </a>
        </div>
      </div>
      <nav aria-label={t("nav.main")} className="border-t border-stone-100">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-4 py-2 text-sm">
          {navItemsFor(user?.roles ?? []).map((item) => (
            <li key={item.to}>
              <NavLink
                to={item.to}
                end={item.to === "/" || item.to === "/account"}
                className={({ isActive }) =>
                  `block rounded px-3 py-1.5 ${isActive ? "bg-brand-50 font-semibold text-brand-800" : "text-stone-700 hover:bg-stone-100"}`
                }
              >
                {t(item.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
