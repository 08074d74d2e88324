// A throwaway app server and a browser for QA runner tests that need the app's server to misbehave
// on purpose (held, stalled or counted requests): the test's handler answers, the fixture starts
// and stops both around the suite.
import { createServer, type RequestListener, type Server } from "node:http";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "~/server/browser/launch-browser";

export type PageServerFixture = { readonly browser: Browser; readonly appUrl: string };

/** Registers beforeAll/afterAll in the calling suite; read `browser` and `appUrl` inside tests. */
export function usePageServer(handler: RequestListener): PageServerFixture {
  let app: Server | undefined;
  const fixture = { browser: undefined as unknown as Browser, appUrl: "" };
  beforeAll(async () => {
    app = createServer(handler);
    app.listen(0, "127.0.0.1");
    await once(app, "listening");
    fixture.appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/`;
    fixture.browser = await launchBrowser();
  });
  afterAll(async () => {
    await fixture.browser?.close();
    app?.closeAllConnections();
    app?.close();
  });
  return fixture;
}
