import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { DirectPledgePage } from "~/components/pledges/direct-pledge-page.tsx";
import { answerDirectPledge, PLEDGE_HONEYPOT } from "~/modules/pledges/answer-direct-pledge.server.ts";
import { getPledgePage, listPledgingOrganizations } from "~/modules/pledges/get-pledge-page.server.ts";
import { getCurrentUser } from "~/utils/auth.server.ts";
import { getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

// 认领 volunteer hours against a SERVICE line of a published need (DESIGN §5): public, rate-limited; a signed-in member may pledge
// for their vetted organisation.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await getPledgePage(params.caseNo ?? "", "SERVICE");
  if (!page) throw data({ status: 404 }, { status: 404 });
  const [t, user] = await Promise.all([getT(request), getCurrentUser(request)]);
  const organizations = user ? await listPledgingOrganizations(user.id) : [];
  return {
    meta: { title: t("pledging.hours.title"), description: page.publicTitle ?? undefined },
    page,
    organizations,
    defaultContact: user?.email ?? "",
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return answerDirectPledge(request, context as { remoteAddress?: unknown }, params.caseNo ?? "", "SERVICE");
}

export default function NeedVolunteerPage() {
  const { page, organizations, defaultContact } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return <DirectPledgePage kind="SERVICE" page={page} organizations={organizations} defaultContact={defaultContact} answer={answer} honeypot={PLEDGE_HONEYPOT} />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
