/** A labelled list of short tags (categories, skills, areas); the label is read out before the items. */
export function TagList({ label, items, emptyText }: { label: string; items: string[]; emptyText?: string }) {
  if (items.length === 0) return emptyText ? <p className="text-sm text-stone-700">{emptyText}</p> : null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {items.map((item, index) => (
        <li key={`${item}-${index}`} className="rounded bg-stone-100 px-2 py-0.5 text-xs text-stone-800">{item}</li>
      ))}
    </ul>
  );
}

/** A term and its value in a <dl>, laid out as one line. */
export function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-wrap gap-x-2">
      <dt className="text-stone-700">{term}</dt>
      <dd className="font-medium text-stone-900">{children}</dd>
    </div>
  );
}
