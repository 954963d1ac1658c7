import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportDisclosuresCsv } from "~/modules/resources/export-disclosures-csv.server.ts";
import { getT } from "~/utils/i18n.server.ts";

/** /disclosures.csv: every public disclosure, header row in the reader's language, Excel-friendly. */
export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getT(request);
  const csv = await exportDisclosuresCsv(t);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="disclosures.csv"',
      // The header row depends on the language (cookie, ?lng= or Accept-Language).
      Vary: "Cookie, Accept-Language",
      "Cache-Control": "no-cache",
    },
  });
}
