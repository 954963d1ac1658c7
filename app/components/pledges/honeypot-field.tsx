import { useId } from "react";
import { useTranslation } from "react-i18next";

/** A field people never see; bots fill it in and are answered "sent" without anything written. */
export function HoneypotField({ name }: { name: string }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div aria-hidden="true" style={{ position: "absolute", left: "-10000px", width: 1, height: 1, overflow: "hidden" }}>
      <label htmlFor={id}>{t("pledging.honeypot")}</label>
      <input id={id} type="text" name={name} tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
