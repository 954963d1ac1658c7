import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { FormAlert, TextField, buttonClass } from "~/components/ui/field.tsx";
import { LoginSchema, safeRedirect } from "~/modules/auth/auth-schemas.ts";
import { authenticate } from "~/modules/auth/authenticate.server.ts";
import { getCurrentUser } from "~/utils/auth.server.ts";
import { getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";
import { createUserSession } from "~/utils/session.server.ts";
import { parseForm, type FieldErrors } from "~/utils/validation.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getCurrentUser(request)) throw redirect("/");
  const t = await getT(request);
  return { meta: { title: t("auth.loginTitle"), description: t("auth.loginIntro") } };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = parseForm(LoginSchema, await request.formData());
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, values: form.values, formError: undefined }, { status: 400 });
  const userId = await authenticate(form.data.email, form.data.password);
  if (!userId) {
    const fieldErrors: FieldErrors = {};
    return data({ fieldErrors, values: { email: form.data.email }, formError: "auth.badCredentials" }, { status: 401 });
  }
  return createUserSession(userId, request, safeRedirect(form.data.redirectTo));
}

export default function LoginPage() {
  useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  return (
    <section className="mx-auto max-w-md" aria-labelledby="login-title">
      <h1 id="login-title" className="text-2xl font-bold">{t("auth.loginTitle")}</h1>
      <p className="mt-2 text-stone-700">{t("auth.loginIntro")}</p>
      <Form method="post" className="mt-6 space-y-4" noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <FormAlert message={actionData?.formError} />
        <TextField label={t("auth.email")} name="email" type="email" autoComplete="username" required
          defaultValue={actionData?.values.email} errors={actionData?.fieldErrors.email} />
        <TextField label={t("auth.password")} name="password" type="password" autoComplete="current-password" required
          errors={actionData?.fieldErrors.password} />
        <button type="submit" className={`${buttonClass} w-full`}>{t("auth.submitLogin")}</button>
      </Form>
      <p className="mt-4 text-sm"><Link to="/signup" className="underline">{t("auth.noAccount")}</Link></p>
      {/* Organisations apply after signing in: the link comes back here and then goes on to the form. */}
      {params.get("redirectTo") !== "/org/register" ? (
        <p className="mt-2 text-sm text-stone-700">{t("orgSignup.signupHint")} <Link to="/org/register" className="underline">{t("orgSignup.signupLink")}</Link></p>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
