import { data } from "@remix-run/node";
import { getCurrentUser } from "~/utils/auth.server.ts";
import { parseForm, type FieldErrors } from "~/utils/validation.ts";
import { createDirectPledge } from "./create-direct-pledge.server.ts";
import { CommitmentForbiddenError, PledgeRefusedError } from "./pledge-errors.server.ts";
import { allowPledgeFrom } from "./pledge-rate-limit.server.ts";
import { DirectPledgeSchema } from "./pledge-schemas.server.ts";

/** Hidden from people (off screen, out of the tab order, hidden from screen readers); bots fill it. */
export const PLEDGE_HONEYPOT = "website";

export type DirectPledgeAnswer = { isSent: boolean; amount: number | null; formError?: string; fieldErrors: FieldErrors; values: Record<string, string> };

const answer = (status: number, body: Partial<DirectPledgeAnswer>) => data<DirectPledgeAnswer>({ isSent: false, amount: null, fieldErrors: {}, values: {}, ...body }, { status });

/**
 * The action of /needs/:caseNo/pledge (ITEM) and /needs/:caseNo/volunteer (SERVICE): honeypot,
 * zod, rate limit (valid submissions only), then createDirectPledge in one transaction. The answer
 * renders the success state, so nothing about the pledge travels in a URL.
 */
export async function answerDirectPledge(request: Request, context: { remoteAddress?: unknown } | undefined, caseNo: string, kind: "ITEM" | "SERVICE") {
  const formData = await request.formData();
  if (String(formData.get(PLEDGE_HONEYPOT) ?? "").trim() !== "") return answer(200, { isSent: true });
  formData.delete(PLEDGE_HONEYPOT);
  const values = Object.fromEntries([...formData].filter((e): e is [string, string] => typeof e[1] === "string"));

  const form = parseForm(DirectPledgeSchema, formData);
  if (!form.ok) return answer(400, { formError: "validation.formHasErrors", fieldErrors: form.fieldErrors, values: form.values });
  const user = await getCurrentUser(request);
  if (!(await allowPledgeFrom(kind === "ITEM" ? "goods-pledge" : "hours-pledge", request, context))) return answer(429, { formError: "pledging.errors.rateLimited", values });

  try {
    const result = await createDirectPledge({ caseNo, kind, form: form.data, user });
    return answer(200, { isSent: true, amount: result.amount });
  } catch (error) {
    if (error instanceof PledgeRefusedError) {
      return answer(error.options.status ?? 422, { formError: error.options.formError ?? "validation.formHasErrors", fieldErrors: error.fieldErrors, values });
    }
    if (error instanceof CommitmentForbiddenError) throw data({ status: 403 }, { status: 403 });
    throw error;
  }
}
