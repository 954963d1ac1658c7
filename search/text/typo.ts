// Typo tolerance for Latin words (SymSpell-style): every Latin term registers its deletion
// variants; a query word's deletion variants look up candidates, verified by edit distance.

/** Edits allowed for a word of this length: 1 from 4 letters, 2 from 8. */
export function maxTypos(length: number): number {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}

export function deletionVariants(word: string, maxDistance: number): Set<string> {
  const out = new Set<string>([word]);
  let frontier = [word];
  for (let d = 0; d < maxDistance; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const v = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(v)) {
          out.add(v);
          next.push(v);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** Optimal string alignment distance (adjacent transpositions count as one edit), capped. */
export function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(n + 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}

/** Deletion index over Latin terms. */
export class TypoIndex {
  private readonly variants = new Map<string, string[]>();
  private readonly known = new Set<string>();

  add(term: string): void {
    const max = maxTypos(term.length);
    if (max === 0 || this.known.has(term)) return;
    this.known.add(term);
    for (const v of deletionVariants(term, max)) {
      const list = this.variants.get(v);
      if (list) list.push(term);
      else this.variants.set(v, [term]);
    }
  }

  /** Terms within the allowed distance of `word` (excluding `word` itself). */
  lookup(word: string): string[] {
    const max = maxTypos(word.length);
    if (max === 0) return [];
    const found = new Set<string>();
    for (const v of deletionVariants(word, max)) {
      for (const term of this.variants.get(v) ?? []) {
        if (term !== word && !found.has(term) && editDistance(word, term, Math.min(max, maxTypos(term.length))) <= Math.min(max, maxTypos(term.length))) found.add(term);
      }
    }
    return [...found].sort();
  }

  clear(): void {
    this.variants.clear();
    this.known.clear();
  }
}
