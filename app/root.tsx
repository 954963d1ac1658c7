import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import { useChangeLanguage } from "remix-i18next/react";
import { useTranslation } from "react-i18next";
import { SiteFooter } from "./components/layout/site-footer.tsx";
import { SiteHeader } from "./components/layout/site-header.tsx";
import { ErrorPage } from "./components/layout/error-page.tsx";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale } from "./i18n.ts";
import stylesheet from "./tailwind.css?url";
import { getCurrentUser } from "./utils/auth.server.ts";
import { getLocale, localeCookie } from "./utils/i18n.server.ts";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, user] = await Promise.all([getLocale(request), getCurrentUser(request)]);
  // ?lng=en (the header's switch, a plain link) keeps the choice in a cookie.
  const asked = new URL(request.url).searchParams.get(LOCALE_COOKIE);
  const headers = isLocale(asked) ? { "Set-Cookie": await localeCookie.serialize(asked) } : undefined;
  return data(
    { locale, user: user && { displayName: user.displayName, roles: user.roles } },
    { headers },
  );
}

export type RootData = typeof loader;

export function Layout({ children }: { children: React.ReactNode }) {
  const rootData = useRouteLoaderData<RootData>("root");
  const { t, i18n } = useTranslation();
  // Without root data (a URL that matches no route answers 404 before any loader runs) the
  // request's i18next instance still knows the language, so <html lang> matches the text.
  const locale = rootData?.locale ?? (isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE);
  return (
    <html lang={locale} className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-full flex-col bg-stone-50 text-stone-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          {t("app.skipToContent")}
        </a>
        <SiteHeader locale={locale} user={rootData?.user ?? null} />
        {/* tabIndex -1: following the skip link moves keyboard focus into the main content. */}
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 outline-none">
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  const rootData = useRouteLoaderData<RootData>("root");
  useChangeLanguage(rootData?.locale ?? DEFAULT_LOCALE);
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
