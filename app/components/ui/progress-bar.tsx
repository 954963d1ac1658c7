/** An accessible progress bar: the numbers are in the label, not only in the colour. */
export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }) {
  const percent = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div>
      <div role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={label}
        className="h-2.5 w-full overflow-hidden rounded-full bg-stone-200">
        <div className="h-full rounded-full bg-brand-700" style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-1 text-xs text-stone-700">{label} · {percent}%</p>
    </div>
  );
}
