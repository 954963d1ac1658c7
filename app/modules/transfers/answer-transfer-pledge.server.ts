import { data } from "@remix-run/node";
import { getCurrentUser } from "~/utils/auth.server.ts";
import { getLocale } from "~/utils/i18n.server.ts";
import { parseForm, type FieldErrors } from "~/utils/validation.ts";
import { PLEDGE_HONEYPOT } from "../pledges/answer-direct-pledge.server.ts";
import { PledgeRefusedError } from "../pledges/pledge-errors.server.ts";
import { allowPledgeFrom } from "../pledges/pledge-rate-limit.server.ts";
import { createTransferPledge } from "./create-transfer-pledge.server.ts";
import { TransferPledgeSchema } from "./transfer-pledge-schema.server.ts";

export type TransferPledgeAnswer = {
  pledge: { receiptNo: string; amountFen: number; expiresAt: string; isMailed: boolean } | null;
  isSent: boolean;
  formError?: string;
  fieldErrors: FieldErrors;
  values: Record<string, string>;
};

const answer = (status: number, body: Partial<TransferPledgeAnswer>) =>
  data<TransferPledgeAnswer>({ pledge: null, isSent: false, fieldErrors: {}, values: {}, ...body }, { status });

/**
 * The action of /needs/:caseNo/transfer: honeypot, zod, rate limit (valid submissions only), then
 * createTransferPledge in one transaction. The answer carries the receipt number the donor writes
 * in the transfer's remark, and the page shows how to pay; nothing travels in a URL.
 */
export async function answerTransferPledge(request: Request, context: { remoteAddress?: unknown } | undefined, caseNo: string) {
  const formData = await request.formData();
  if (String(formData.get(PLEDGE_HONEYPOT) ?? "").trim() !== "") return answer(200, { isSent: true });
  formData.delete(PLEDGE_HONEYPOT);
  const values = Object.fromEntries([...formData].filter((e): e is [string, string] => typeof e[1] === "string"));

  const form = parseForm(TransferPledgeSchema, formData);
  if (!form.ok) return answer(400, { formError: "validation.formHasErrors", fieldErrors: form.fieldErrors, values: form.values });
  const [user, locale] = await Promise.all([getCurrentUser(request), getLocale(request)]);
  if (!(await allowPledgeFrom("transfer-pledge", request, context))) return answer(429, { formError: "pledging.errors.rateLimited", values });

  try {
    const result = await createTransferPledge({ caseNo, form: form.data, user, locale });
    return answer(200, { isSent: true, pledge: { receiptNo: result.receiptNo, amountFen: result.amountFen, expiresAt: result.expiresAt.toISOString(), isMailed: result.isMailed } });
  } catch (error) {
    if (error instanceof PledgeRefusedError) {
      return answer(error.options.status ?? 422, { formError: error.options.formError ?? "validation.formHasErrors", fieldErrors: error.fieldErrors, values });
    }
    throw error;
  }
}
