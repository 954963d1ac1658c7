import type { MetaDescriptor } from "@remix-run/node";

/** Title and description for a page; loaders return them already translated. */
export function pageMeta(meta: { title: string; description?: string } | undefined, siteName?: string): MetaDescriptor[] {
  if (!meta) return [];
  const title = siteName && meta.title !== siteName ? `${meta.title} · ${siteName}` : meta.title;
  return [{ title }, ...(meta.description ? [{ name: "description", content: meta.description }] : [])];
}
