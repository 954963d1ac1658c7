import { Form } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { CommitmentAmount } from "~/components/pledges/commitment-amount.tsx";
import { FormAlert, buttonClass, inputClass } from "~/components/ui/field.tsx";
import { PLEDGE_LIMITS } from "~/domain/pledges/pledge-rules.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { tError } from "~/utils/validation.ts";

export type AssignmentView = {
  id: string;
  source: string;
  status: string;
  version: number;
  amount: number;
  loggedHours: number;
  pledgedAt: string | Date;
  confirmedAt: string | Date | null;
  deliveredAt: string | Date | null;
  cancelledAt: string | Date | null;
  cancelReason: string | null;
  need: { title: string; kind: "CASH" | "ITEM" | "SERVICE"; unit: string | null };
  caseNo: string;
  regionName: string;
  isCasePublic: boolean;
  resourceTitle: string;
  organizationName: string | null;
  intents: readonly ("accept" | "decline" | "logHours")[];
};

export type AssignmentAnswer = { commitmentId?: string; intent?: string; formError?: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string> };

const SECONDARY = "rounded border border-stone-500 px-3 py-1.5 text-sm text-stone-900 hover:bg-stone-100";

/** One commitment on a resource the user answers for, with accept / decline / log hours. */
export function AssignmentCard({ item, locale, answer }: { item: AssignmentView; locale: string; answer?: AssignmentAnswer }) {
  const { t } = useTranslation();
  const id = useId();
  const mine = answer?.commitmentId === item.id ? answer : undefined;
  const total = item.amount + item.loggedHours;
  return (
    <li className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" data-testid="assignment" data-commitment-id={item.id}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold">
          {t(`matching.source.${item.source}`)} · {item.resourceTitle}
          {item.organizationName && <span className="font-normal text-stone-700"> · {item.organizationName}</span>}
        </h3>
        <p className="text-sm" data-testid="assignment-status">{t(`account.commitmentStatus.${item.status}`)}</p>
      </div>
      <dl className="grid grid-cols-[7rem_1fr] gap-y-1 text-sm">
        <dt className="text-stone-700">{t("planAssignments.case")}</dt>
        <dd>
          {item.isCasePublic ? <a href={`/needs/${item.caseNo}`} className="font-mono text-brand-800 underline">{item.caseNo}</a> : <span className="font-mono">{item.caseNo}</span>}
          {" · "}{item.regionName}
        </dd>
        <dt className="text-stone-700">{t("planAssignments.line")}</dt>
        <dd>{t(`need.kind.${item.need.kind}`)} · {item.need.title}</dd>
        <dt className="text-stone-700">{t("planAssignments.amount")}</dt>
        <dd>
          <CommitmentAmount kind={item.need.kind} amount={total} unit={item.need.unit} />
          {item.need.kind === "SERVICE" && item.loggedHours > 0 && <span className="ml-2 text-stone-700">{t("planAssignments.logged", { logged: item.loggedHours, total })}</span>}
        </dd>
        <dt className="text-stone-700">{t("planAssignments.pickedAt")}</dt>
        <dd>{formatDateTime(item.pledgedAt, locale)}</dd>
        {item.confirmedAt && (<><dt className="text-stone-700">{t("planAssignments.acceptedAt")}</dt><dd>{formatDateTime(item.confirmedAt, locale)}</dd></>)}
        {item.deliveredAt && (<><dt className="text-stone-700">{t("planAssignments.deliveredAt")}</dt><dd>{formatDateTime(item.deliveredAt, locale)}</dd></>)}
        {item.cancelReason && (<><dt className="text-stone-700">{t("planAssignments.reasonWas")}</dt><dd>{item.cancelReason}</dd></>)}
      </dl>
      {mine?.formError && <FormAlert message={mine.formError} />}
      {item.intents.length > 0 && (
        <div className="flex flex-wrap items-start gap-4">
          {item.intents.includes("accept") && (
            <Form method="post">
              <input type="hidden" name="intent" value="accept" />
              <input type="hidden" name="commitmentId" value={item.id} />
              <input type="hidden" name="version" value={item.version} />
              <button type="submit" className={`${buttonClass} py-1.5 text-sm`}>{t("planAssignments.accept")}</button>
            </Form>
          )}
          {item.intents.includes("logHours") && (
            <Form method="post" className="flex flex-wrap items-end gap-2">
              <input type="hidden" name="intent" value="logHours" />
              <input type="hidden" name="commitmentId" value={item.id} />
              <input type="hidden" name="version" value={item.version} />
              <div>
                <label htmlFor={`${id}-hours`} className="block text-xs font-medium text-stone-800">{t("planAssignments.hours", { max: item.amount })}</label>
                <input id={`${id}-hours`} name="hours" type="number" min={1} max={item.amount} step={1} defaultValue={item.amount} required
                  aria-invalid={!!mine?.fieldErrors?.hours} className={`${inputClass} w-28 py-1 text-sm`} />
                {mine?.fieldErrors?.hours && <p className="text-sm text-brand-700">{tError(t, mine.fieldErrors.hours[0]!)}</p>}
              </div>
              <button type="submit" className={`${buttonClass} py-1.5 text-sm`}>{t("planAssignments.logHours")}</button>
            </Form>
          )}
          {item.intents.includes("decline") && (
            <Form method="post" className="flex flex-wrap items-end gap-2">
              <input type="hidden" name="intent" value="decline" />
              <input type="hidden" name="commitmentId" value={item.id} />
              <input type="hidden" name="version" value={item.version} />
              <div>
                <label htmlFor={`${id}-reason`} className="block text-xs font-medium text-stone-800">{t("planAssignments.declineReason")}</label>
                <input id={`${id}-reason`} name="reason" required maxLength={PLEDGE_LIMITS.reasonMax} aria-invalid={!!mine?.fieldErrors?.reason}
                  className={`${inputClass} w-56 py-1 text-sm`} />
                {mine?.fieldErrors?.reason && <p className="text-sm text-brand-700">{tError(t, mine.fieldErrors.reason[0]!)}</p>}
              </div>
              <button type="submit" className={SECONDARY}>{t(item.status === "CONFIRMED" ? "planAssignments.withdraw" : "planAssignments.decline")}</button>
            </Form>
          )}
        </div>
      )}
    </li>
  );
}
