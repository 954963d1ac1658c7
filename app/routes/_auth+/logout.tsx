import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { destroyUserSession } from "~/utils/session.server.ts";

// Logging out is a POST (a link could be prefetched or forged); GET just goes home.
export const loader = () => redirect("/");

export async function action({ request }: ActionFunctionArgs) {
  return destroyUserSession(request, "/");
}
