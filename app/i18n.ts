import { en } from "./locales/en.ts";
import { zhCN } from "./locales/zh-CN.ts";

export const SUPPORTED_LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export const LOCALE_COOKIE = "lng";

export const resources = {
  "zh-CN": { translation: zhCN },
  en: { translation: en },
} as const;

// Shared by the server instance (remix-i18next) and the browser instance (entry.client.tsx).
export const i18nConfig = {
  supportedLngs: [...SUPPORTED_LOCALES],
  fallbackLng: DEFAULT_LOCALE,
  defaultNS: "translation",
  interpolation: { escapeValue: false }, // React escapes
  resources,
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}
