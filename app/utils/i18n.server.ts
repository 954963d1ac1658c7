import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { DEFAULT_LOCALE, LOCALE_COOKIE, SUPPORTED_LOCALES, i18nConfig, isLocale, type Locale } from "~/i18n.ts";

export const localeCookie = createCookie(LOCALE_COOKIE, {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...SUPPORTED_LOCALES],
    fallbackLanguage: DEFAULT_LOCALE,
    cookie: localeCookie,
    searchParamKey: LOCALE_COOKIE,
    order: ["searchParams", "cookie", "header"],
  },
  i18next: i18nConfig,
});

export async function getLocale(request: Request): Promise<Locale> {
  const found = await i18next.getLocale(request);
  return isLocale(found) ? found : DEFAULT_LOCALE;
}

type FixedT = Awaited<ReturnType<typeof i18next.getFixedT>>;
const fixedTs = new Map<Locale, Promise<FixedT>>();

/**
 * A server-side `t` for one language. remix-i18next builds a whole i18next instance on every call
 * (~1 ms); the translations are bundled and never change while the process runs, so one per
 * language is kept.
 */
export function fixedT(locale: Locale): Promise<FixedT> {
  let t = fixedTs.get(locale);
  if (!t) {
    t = i18next.getFixedT(locale);
    fixedTs.set(locale, t);
    t.catch(() => fixedTs.delete(locale));
  }
  return t;
}

/** A server-side `t` for the request's language (meta, emails, CSV headers, error texts). */
export async function getT(request: Request) {
  return fixedT(await getLocale(request));
}
