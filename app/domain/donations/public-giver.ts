/**
 * Who a giver is on public pages. Anonymous givers show as 爱心人士 (the page translates a null
 * name to it); a person's email never appears, only the name they chose to show. Funds, projects
 * and organisations show by their public names.
 */
export type GiverFacts = {
  isAnonymous: boolean;
  pledgerName: string | null;
  fundName?: string | null;
  projectTitle?: string | null;
  organizationName?: string | null;
};

/** The public name, or null for 爱心人士 (anonymous or nameless). */
export function publicGiverName(giver: GiverFacts): string | null {
  if (giver.isAnonymous) return null;
  const name = giver.organizationName ?? giver.fundName ?? giver.projectTitle ?? giver.pledgerName;
  const trimmed = name?.trim();
  return trimmed ? trimmed : null;
}
