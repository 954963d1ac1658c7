import { describe, expect, it } from "vitest";
import { CASE_CATEGORIES, CASE_STATUSES, URGENCIES } from "~/domain/case-status.ts";
import { DEPARTMENTS, PROGRAMMES } from "~/domain/missed-aid/missed-aid-hints.ts";
import { ROLES } from "~/domain/permissions.ts";
import { CaseCategory, CaseStatus, Department, Programme, Role, Urgency } from "~/generated/prisma/enums.ts";

// app/domain is pure, so it keeps its own lists of the schema's enums; this keeps them in step
// with prisma/schema.prisma (through the generated client) so a new enum value cannot be missed.
describe("domain enum lists match the Prisma schema", () => {
  it.each([
    ["CaseStatus", CASE_STATUSES, CaseStatus],
    ["CaseCategory", CASE_CATEGORIES, CaseCategory],
    ["Urgency", URGENCIES, Urgency],
    ["Role", ROLES, Role],
    ["Programme", PROGRAMMES, Programme],
    ["Department", DEPARTMENTS, Department],
  ] as const)("%s", (_name, domainList, schemaEnum) => {
    expect([...domainList].sort()).toEqual(Object.values(schemaEnum).sort());
  });
});
