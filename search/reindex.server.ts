// Rebuilds an engine's index from the database (DESIGN §7, `npm run search:reindex`): clears it,
// then writes every public document in batches, reporting progress after each batch.
import { publicDocumentSources } from "./public-documents.server.ts";
import type { DocumentType, SearchEngine } from "./search-engine.ts";

export const REINDEX_BATCH_SIZE = 500;

export type ReindexProgress = {
  /** Rows counted as public before the rebuild started (the progress bar's total). */
  total: number;
  /** Rows read so far. */
  done: number;
  /** Documents written so far, per type. */
  written: Record<DocumentType, number>;
  type: DocumentType;
};

export async function reindexSearch(
  engine: SearchEngine,
  opts: { batchSize?: number; now?: Date; onProgress?: (progress: ReindexProgress) => void } = {},
): Promise<{ total: number; written: Record<DocumentType, number> }> {
  const batchSize = opts.batchSize ?? REINDEX_BATCH_SIZE;
  const sources = publicDocumentSources(opts.now);
  const counts = await Promise.all(sources.map((s) => s.count()));
  const total = counts.reduce((a, b) => a + b, 0);
  const written: Record<DocumentType, number> = { need: 0, project: 0, volunteerOffer: 0, organization: 0 };
  let done = 0;

  await engine.clear();
  for (const source of sources) {
    opts.onProgress?.({ total, done, written: { ...written }, type: source.type });
    let after: string | null = null;
    for (;;) {
      const { documents, read, last }: Awaited<ReturnType<typeof source.page>> = await source.page(after, batchSize);
      if (documents.length > 0) await engine.upsert(documents);
      written[source.type] += documents.length;
      done += read;
      // Rows published while the rebuild runs can carry `done` past the first count.
      opts.onProgress?.({ total: Math.max(total, done), done, written: { ...written }, type: source.type });
      if (read < batchSize || last === null) break;
      after = last;
    }
  }
  return { total: Object.values(written).reduce((a, b) => a + b, 0), written };
}
