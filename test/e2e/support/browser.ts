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
 * Browser tests run where Chromium is. On a developer's machine without it they are skipped; under
 * CI=true a missing browser is a failure, never a silent skip.
 */
export function describeInChromium(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, body);
  } else if (process.env.CI === "true") {
    describe(name, () => {
      it(`needs ${CHROMIUM}`, () => {
        throw new Error(
          `${CHROMIUM} is missing: install Debian's chromium package (CI=true makes this a failure)`,
        );
      });
    });
  } else {
    describe.skip(`${name} (no ${CHROMIUM})`, body);
  }
}
