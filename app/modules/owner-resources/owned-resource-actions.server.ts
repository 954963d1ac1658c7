// The actions of an owner's resource pages (projects, supply offers, volunteer offers) read the same:
// parse the form, call one write, answer expected failures as a form (nothing written), redirect.
import { data, redirect } from "@remix-run/node";
import type { z } from "zod";
import type { ResourceIntent } from "~/domain/resources/resource-status.ts";
import { parseForm, type FieldErrors } from "~/utils/validation.ts";
import { ownedResourceActionError } from "./owner-resource-errors.server.ts";
import { ResourcePageIntentSchema, formValues, parseOwnerForm } from "./owner-resource-schemas.ts";

const invalid = (fieldErrors: FieldErrors, values: Record<string, string>) => data({ formError: "validation.formHasErrors", fieldErrors, values }, { status: 400 });

/** The row a loader asked for, or a 404 answer when there is none (not this owner's counts as none). */
export function foundOr404<T>(row: T | null | undefined): T {
  if (row === null || row === undefined) throw data({ status: 404 }, { status: 404 });
  return row;
}

/** A create form: `create` writes the resource and returns the URL of its page (303 there). */
export async function runCreateResourceAction<S extends z.ZodTypeAny>(request: Request, schema: S, create: (form: z.infer<S>) => Promise<string>) {
  const formData = await request.formData();
  const values = formValues(formData);
  const form = parseOwnerForm(schema, formData);
  if (!form.ok) return invalid(form.fieldErrors, values);
  try {
    return redirect(await create(form.data), 303);
  } catch (error) {
    return ownedResourceActionError(error, values);
  }
}

/** A resource's page: `intent=save` saves the details (validated by `schema`), any other intent is one status step. */
export async function runEditResourceAction<S extends z.ZodTypeAny>(
  request: Request,
  schema: S,
  steps: { save: (form: z.infer<S>) => Promise<unknown>; changeStatus: (intent: ResourceIntent) => Promise<unknown>; redirectTo: string },
) {
  const formData = await request.formData();
  const values = formValues(formData);
  const intent = parseForm(ResourcePageIntentSchema, formData);
  if (!intent.ok) return invalid(intent.fieldErrors, values);
  try {
    if (intent.data.intent === "save") {
      const form = parseOwnerForm(schema, formData);
      if (!form.ok) return invalid(form.fieldErrors, values);
      await steps.save(form.data);
    } else {
      await steps.changeStatus(intent.data.intent);
    }
  } catch (error) {
    return ownedResourceActionError(error, values);
  }
  return redirect(steps.redirectTo, 303);
}
