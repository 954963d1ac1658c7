import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/layout/error-page.tsx";
import { Field, TextField, buttonClass, inputClass } from "~/components/ui/field.tsx";
import { PASSWORD_MIN, SignupSchema } from "~/modules/auth/auth-schemas.ts";
import { createAccount } from "~/modules/auth/create-account.server.ts";
import { getCurrentUser } from "~/utils/auth.server.ts";
import { getT } from "~/utils/i18n.server.ts";
import { pageMeta } from "~/utils/meta.ts";
import { createUserSession } from "~/utils/session.server.ts";
import { parseForm, type FieldErrors } from "~/utils/validation.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getCurrentUser(request)) throw redirect("/");
  const t = await getT(request);
  return { meta: { title: t("auth.signupTitle"), description: t("auth.signupIntro") } };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = parseForm(SignupSchema, await request.formData());
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, values: form.values }, { status: 400 });
  const created = await createAccount(form.data);
  if (!created.ok) {
    const fieldErrors: FieldErrors = { email: ["auth.emailTaken"] };
    return data({ fieldErrors, values: { ...form.data, password: "" } as Record<string, string> }, { status: 409 });
  }
  return createUserSession(created.userId, request, "/");
}

export default function SignupPage() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  // /volunteer links here with ?accountType=VOLUNTEER so the right choice is already made.
  const accountType = actionData?.values.accountType ?? (params.get("accountType") === "VOLUNTEER" ? "VOLUNTEER" : "DONOR");
  const errors = actionData?.fieldErrors;
  return (
    <section className="mx-auto max-w-md" aria-labelledby="signup-title">
      <h1 id="signup-title" className="text-2xl font-bold">{t("auth.signupTitle")}</h1>
      <p className="mt-2 text-stone-700">{t("auth.signupIntro")}</p>
      <Form method="post" className="mt-6 space-y-4" noValidate>
        <TextField label={t("auth.displayName")} name="displayName" autoComplete="nickname" required
          defaultValue={actionData?.values.displayName} errors={errors?.displayName} />
        <TextField label={t("auth.email")} name="email" type="email" autoComplete="email" required
          defaultValue={actionData?.values.email} errors={errors?.email} />
        <TextField label={t("auth.password")} name="password" type="password" autoComplete="new-password" required
          hint={t("validation.passwordTooShort", { min: PASSWORD_MIN })} errors={errors?.password} />
        <Field label={t("auth.accountType")} name="accountType" errors={errors?.accountType}>
          {(control) => (
            <select {...control} defaultValue={accountType} className={inputClass}>
              <option value="DONOR">{t("auth.accountTypes.DONOR")}</option>
              <option value="VOLUNTEER">{t("auth.accountTypes.VOLUNTEER")}</option>
            </select>
          )}
        </Field>
        <button type="submit" className={`${buttonClass} w-full`}>{t("auth.submitSignup")}</button>
      </Form>
      <p className="mt-4 text-sm"><Link to="/login" className="underline">{t("auth.haveAccount")}</Link></p>
      <p className="mt-2 text-sm text-stone-700">{t("orgSignup.signupHint")} <Link to="/org/register" className="underline">{t("orgSignup.signupLink")}</Link></p>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
