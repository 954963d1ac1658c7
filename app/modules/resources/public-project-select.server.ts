import type { Prisma } from "~/generated/prisma/client.ts";

/** What the public pages show of a project: its scope, caps and budget, and who runs it. */
export const PUBLIC_PROJECT_SELECT = {
  id: true,
  title: true,
  summary: true,
  categories: true,
  regionCodes: true,
  perCaseCapFen: true,
  budgetFen: true,
  reservedFen: true,
  status: true,
  organization: { select: { id: true, name: true, kind: true } },
} as const satisfies Prisma.ProjectSelect;

/** Only vetted organisations' projects are public: a pending or rejected one has no public page. */
export const PUBLIC_PROJECT_WHERE = { organization: { status: "VETTED" } } as const satisfies Prisma.ProjectWhereInput;
