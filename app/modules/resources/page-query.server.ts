import { z } from "zod";

// Every paged list (public resources, needs, complaints, vetting) reads ?page= with this schema,
// extended with its own filters. A bad ?page= falls back to the first page rather than an error:
// people share these URLs.
export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
