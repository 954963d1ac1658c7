import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommitmentHistory } from "~/components/account/commitment-history.tsx";
import { DonationHistory } from "~/components/account/donation-history.tsx";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { FormAlert } from "~/components/ui/field.tsx";
import { getAccountOverview } from "~/modules/account/get-account-overview.server.ts";
import { changeCommitment } from "~/modules/pledges/change-commitment.server.ts";
import { commitmentActionError } from "~/modules/pledges/pledge-errors.server.ts";
import { CommitmentStepSchema } from "~/modules/pledges/pledge-schemas.server.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { getLocale, getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";
import { parseForm } from "~/utils/validation.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [t, locale, overview] = await Promise.all([getT(request), getLocale(request), getAccountOverview(user.id)]);
  return { meta: { title: t("account.title") }, locale, ...overview };
}

/** A giver's own step on goods or hours they (or their organisation) pledged: delivered, or withdrawn with a reason. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = parseForm(CommitmentStepSchema, await request.formData());
  if (!form.ok) return data({ formError: "validation.formHasErrors" }, { status: 400 });
  if (form.data.intent !== "deliver" && form.data.intent !== "cancel") return data({ formError: "validation.formHasErrors" }, { status: 400 });
  try {
    // changeCommitment authorises: the pledger, or a member of the pledging organisation.
    await changeCommitment({ ...form.data, user });
  } catch (error) {
    return commitmentActionError(error);
  }
  return redirect("/account", 303);
}

export default function AccountPage() {
  const { user, donations, pledges, organizationHistory, volunteer, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { formError?: string } | undefined;
  const { t } = useTranslation();
  const isVolunteer = user.roles.includes("VOLUNTEER") || volunteer.offers.length > 0;
  const linkClass = "text-brand-800 underline";
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-bold">{t("account.title")}</h1>
        <p className="text-stone-700">{user.displayName} · {user.email}</p>
        <p className="text-sm text-stone-700">{t("account.roles")}: {user.roles.map((r) => t(`account.role.${r}`)).join("、")}</p>
        <p><Link to="/account/assignments" className={linkClass}>{t("planAssignments.accountLink")}</Link></p>
      </header>
      <FormAlert message={actionData?.formError} />

      <section aria-labelledby="donations-title">
        <h2 id="donations-title" className="text-lg font-semibold">{t("account.donations")}</h2>
        <DonationHistory donations={donations} locale={locale} />
      </section>

      <section aria-labelledby="pledges-title">
        <h2 id="pledges-title" className="text-lg font-semibold">{t("accountHistory.pledgesTitle")}</h2>
        <CommitmentHistory items={pledges} locale={locale} caption={t("accountHistory.pledgesTitle")} empty={t("account.noCommitments")} canAct />
      </section>

      {organizationHistory.organizations.length > 0 && (
        <section aria-labelledby="org-commitments-title">
          <h2 id="org-commitments-title" className="text-lg font-semibold">{t("accountHistory.orgTitle")}</h2>
          <p className="text-sm text-stone-700">
            {t("accountHistory.orgIntro")} <Link to="/org" className={linkClass}>{t("accountHistory.manageOrg")}</Link>
          </p>
          <CommitmentHistory
            items={organizationHistory.commitments}
            locale={locale}
            caption={t("accountHistory.orgTitle")}
            empty={t("accountHistory.noOrgCommitments")}
            extra="organization"
            canAct
          />
        </section>
      )}

      {isVolunteer && (
        <section aria-labelledby="volunteer-title" className="space-y-3">
          <h2 id="volunteer-title" className="text-lg font-semibold">{t("accountHistory.volunteerTitle")}</h2>
          <p data-testid="volunteer-hours">{t("accountHistory.hoursSummary", volunteer.totals)}</p>
          <p><Link to="/account/offers" className={linkClass}>{t("accountHistory.manageOffers")}</Link></p>
          <h3 className="font-semibold">{t("account.volunteerOffers")}</h3>
          {volunteer.offers.length === 0 ? <p className="text-stone-700">{t("account.noVolunteerOffers")}</p> : (
            <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
              {volunteer.offers.map((o) => (
                <li key={o.id} className="flex flex-wrap justify-between gap-2 px-3 py-2 text-sm">
                  <span>{o.title}</span>
                  <span>{t("accountHistory.hoursSummary", { offered: o.hoursOffered, reserved: o.hoursReserved, delivered: o.hoursDelivered })}</span>
                </li>
              ))}
            </ul>
          )}
          <h3 className="font-semibold">{t("accountHistory.assignmentsTitle")}</h3>
          <CommitmentHistory
            items={volunteer.assignments}
            locale={locale}
            caption={t("accountHistory.assignmentsTitle")}
            empty={t("accountHistory.noAssignments")}
            extra="volunteerOffer"
          />
        </section>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
