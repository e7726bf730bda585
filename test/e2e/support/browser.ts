import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** office.js comes from here in production; tests block it and inject a fake host instead. */
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/**";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Browser tests run in Debian's Chromium; where it is missing they fail with the way to install it.
 */
export function describeInChromium(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, body);
  } else {
    // A missing browser is a failure, never a skip: `npm test` installs it (scripts/ensure-tools.sh).
    describe(name, () => {
      it(`needs ${CHROMIUM}`, () => {
        throw new Error(`${CHROMIUM} is missing: run npm test (it installs Debian's chromium package)`);
      });
    });
  }
}
