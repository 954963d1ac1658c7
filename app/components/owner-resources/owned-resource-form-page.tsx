// The create and edit pages of an owner's resources (projects, supply offers, volunteer offers):
// the same layout, alerts and buttons around each resource's own fields.
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormAlert } from "~/components/ui/field.tsx";
import type { FieldErrors } from "~/utils/validation.ts";
import { CreateButtons, SaveButton } from "./save-buttons.tsx";

/** What a resource action answers when it did not redirect (nothing was written). */
type FormAnswer = { formError?: string; fieldErrors?: FieldErrors; values: Record<string, string> } | undefined;
type RenderFields = (values: Record<string, string>, errors: FieldErrors) => ReactNode;
type Back = { to: string; label: string };

function PageHeader({ back, title, children }: { back: Back; title: string; children?: ReactNode }) {
  return (
    <header className="space-y-2">
      <p><Link to={back.to} className="text-sm text-brand-800 underline">{back.label}</Link></p>
      <h1 className="text-2xl font-bold">{title}</h1>
      {children}
    </header>
  );
}

/** A new resource: the intro, the fields (empty, or as submitted after a refusal) and publish/draft buttons. */
export function NewResourcePage({ back, title, intro, answer, fields }: { back: Back; title: string; intro: string; answer: FormAnswer; fields: RenderFields }) {
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader back={back} title={title}>
        <p className="text-stone-700">{intro}</p>
      </PageHeader>
      <FormAlert message={answer?.formError} />
      <Form method="post" noValidate className="space-y-6">
        {fields(answer?.values ?? {}, answer?.fieldErrors ?? {})}
        <CreateButtons />
      </Form>
    </div>
  );
}

/**
 * An existing resource: its fields (stored values, or as submitted after a refused save), locked
 * when it cannot be edited, and the status panel beside them. A refused status step shows its
 * alert above the form, a refused save inside it.
 */
export function EditResourcePage(props: {
  back: Back;
  title: string;
  notice?: ReactNode;
  answer: FormAnswer;
  storedValues: Record<string, string>;
  canEdit: boolean;
  fields: RenderFields;
  aside: ReactNode;
}) {
  const { answer } = props;
  const isSaveAnswer = answer?.values.intent === "save";
  return (
    <div className="grid gap-8 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <PageHeader back={props.back} title={props.title}>{props.notice}</PageHeader>
        {!isSaveAnswer && <FormAlert message={answer?.formError} />}
        <Form method="post" noValidate className="space-y-6">
          {isSaveAnswer && <FormAlert message={answer.formError} />}
          <fieldset disabled={!props.canEdit} className="space-y-6">
            {props.fields(isSaveAnswer ? answer.values : props.storedValues, answer?.fieldErrors ?? {})}
          </fieldset>
          {props.canEdit && <SaveButton />}
        </Form>
      </div>
      <aside className="space-y-4">{props.aside}</aside>
    </div>
  );
}
