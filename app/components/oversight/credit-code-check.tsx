import { useTranslation } from "react-i18next";
import type { CreditCodeFailure } from "~/domain/credit-code.ts";

/** The credit code with its GB 32100 check result: ✓ or ✗ and why, in words as well as the mark. */
export function CreditCodeCheck({ code, check }: { code: string; check: { ok: true } | { ok: false; reason: CreditCodeFailure } }) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex flex-wrap items-baseline gap-2">
      <span className="font-mono">{code}</span>
      {check.ok ? (
        <span className="font-medium text-emerald-800" data-testid="credit-code-check">
          <span aria-hidden="true">✓ </span>{t("vetting.detail.creditCodeValid")}
        </span>
      ) : (
        <span className="font-medium text-brand-700" data-testid="credit-code-check">
          <span aria-hidden="true">✗ </span>{t(`vetting.detail.creditCodeInvalid.${check.reason}`)}
        </span>
      )}
    </span>
  );
}
