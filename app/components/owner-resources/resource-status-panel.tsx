import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/field.tsx";
import { allowedResourceIntents, type ResourceStatusName } from "~/domain/resources/resource-status.ts";
import { ResourceStatusBadge } from "./resource-status-badge.tsx";

const SECONDARY = "rounded border border-stone-400 px-4 py-2 hover:bg-stone-100";

/** The status steps a resource allows now (publish, pause, resume, close), each with what it means. */
export function ResourceStatusPanel({ status, canChange }: { status: ResourceStatusName; canChange: boolean }) {
  const { t } = useTranslation();
  const intents = canChange ? allowedResourceIntents(status) : [];
  return (
    <section aria-labelledby="resource-status-title" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="resource-status-title" className="font-semibold">{t("ownerResources.statusTitle")}</h2>
      <p className="flex items-center gap-2 text-sm">{t("ownerResources.currentStatus")}<ResourceStatusBadge status={status} /></p>
      {status === "CLOSED" && <p className="text-sm text-stone-700">{t("ownerResources.closedNote")}</p>}
      {intents.length > 0 && (
        <Form method="post" className="space-y-2">
          {intents.map((intent) => (
            <div key={intent} className="flex flex-wrap items-center gap-3">
              <button type="submit" name="intent" value={intent} className={intent === "publish" || intent === "resume" ? buttonClass : SECONDARY}>
                {t(`ownerResources.intent.${intent}`)}
              </button>
              <span className="text-sm text-stone-700">{t(`ownerResources.intentHint.${intent}`)}</span>
            </div>
          ))}
        </Form>
      )}
    </section>
  );
}
