import type { DuplicateAidWarning } from "~/domain/matching/duplicate-aid.ts";
import type { IneligibleReason, MatchSuggestion } from "~/domain/matching/match-types.ts";

/** What the plan page's action answers (see app/routes/staff+/cases.$caseNo.plan.tsx). */
export type PlanActionData = {
  intent?: "pick" | "unpick" | "whyNot";
  /** Which pick form answered: `${needId}:${source}:${resourceId}`; which unpick: the commitment id. */
  formKey?: string;
  formError?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
  reasons?: IneligibleReason[] | null;
  warnings?: DuplicateAidWarning[];
  whyNot?: { title: string; organizationName: string | null; explanation: { eligible: true; suggestion: MatchSuggestion } | { eligible: false; reasons: IneligibleReason[] } };
};

export const pickFormKey = (needId: string, source: string, resourceId: string) => `${needId}:${source}:${resourceId}`;
