import { PassThrough } from "node:stream";
import type { EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { createInstance } from "i18next";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { i18nConfig } from "./i18n.ts";
import { getLocale } from "./utils/i18n.server.ts";

const ABORT_DELAY = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  // Each request renders with its own i18next instance in the request's language.
  const instance = createInstance();
  await instance.use(initReactI18next).init({ ...i18nConfig, lng: await getLocale(request) });

  const callbackName = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  responseHeaders.set("X-Content-Type-Options", "nosniff");
  responseHeaders.set("Referrer-Policy", "same-origin");
  responseHeaders.set("X-Frame-Options", "DENY");

  return new Promise((resolve, reject) => {
    let didError = false;
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={instance}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
      </I18nextProvider>,
      {
        [callbackName]: () => {
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: didError ? 500 : responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          didError = true;
          console.error(`[render error] ${request.method} ${new URL(request.url).pathname}:`, describeError(error));
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/**
 * Unexpected errors of loaders and actions, logged without request bodies or query strings, which
 * may hold personal data. Expected answers (a 404 for an unknown URL or record, a 403, a 400 thrown
 * as a response) are part of the product, not bugs: they are not logged.
 */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted || isRouteErrorResponse(error) || error instanceof Response) return;
  console.error(`[error] ${request.method} ${new URL(request.url).pathname}:`, describeError(error));
}

/**
 * The error's name, message and stack frames. Prisma's messages quote the query's arguments (a
 * name, a phone number …), so for its errors only the code is kept; a thrown non-Error could be
 * anything (form values included), so only its type is.
 */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `non-Error value thrown (${typeof error})`;
  const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  const code = (error as { code?: unknown }).code;
  const message = error.name.startsWith("PrismaClient") ? `query failed${typeof code === "string" ? ` (${code})` : ""}` : error.message;
  return [`${error.name}: ${message}`, ...frames].join("\n");
}
