import { join } from "node:path";
import type webpack from "webpack";
import { ROOT } from "../e2e/support/build";

jest.mock("office-addin-dev-certs", () => ({
  getHttpsServerOptions: jest.fn(async () => ({ key: "test-key", cert: "test-cert", ca: "test-ca" })),
}));

type Configure = ((
  env: Record<string, string | boolean | undefined>,
  argv: { mode?: "production" | "development" },
) => Promise<webpack.Configuration>) & { productionOrigin(value: string | undefined): string | undefined };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const configure = require(join(ROOT, "webpack.config.js")) as Configure;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const devCerts = require("office-addin-dev-certs") as { getHttpsServerOptions: jest.Mock };

type ExternalCheck = (
  data: { request?: string; context?: string; contextInfo?: { issuer: string } },
  callback: (err?: Error) => void,
) => void;

function refusal(
  config: webpack.Configuration,
  request: string,
  context = join(ROOT, "src", "taskpane"),
): Error | undefined {
  const check = (config.externals as ExternalCheck[])[0];
  let result: Error | undefined;
  check({ request, context, contextInfo: { issuer: join(context, "x.ts") } }, (err) => {
    result = err;
  });
  return result;
}

describe("webpack.config.js", () => {
  beforeEach(() => devCerts.getHttpsServerOptions.mockClear());

  it("never asks for Office's dev certificates when building (tests and CI included)", async () => {
    const config = await configure({}, { mode: "production" });
    expect((config as { devServer?: unknown }).devServer).toBeUndefined();
    expect(devCerts.getHttpsServerOptions).not.toHaveBeenCalled();
  });

  it("serves https on localhost:3000 with them when serving", async () => {
    const config = await configure({ WEBPACK_SERVE: true }, { mode: "development" });
    expect(devCerts.getHttpsServerOptions).toHaveBeenCalledTimes(1);
    expect((config as { devServer?: unknown }).devServer).toMatchObject({
      port: 3000,
      server: { type: "https", options: { key: "test-key", cert: "test-cert" } },
    });
  });

  it("refuses to bundle the ExcelJS adapter, the CLI, ExcelJS or Node built-ins into the pane", async () => {
    const config = await configure({}, { mode: "production" });
    expect(refusal(config, "../xlsx/read")?.message).toMatch(/must not be bundled into the task pane/);
    expect(refusal(config, "../cli/main")).toBeInstanceOf(Error);
    expect(refusal(config, "exceljs")).toBeInstanceOf(Error);
    expect(refusal(config, "node:fs")).toBeInstanceOf(Error);
    expect(refusal(config, "../layout/build")).toBeUndefined();
    expect(refusal(config, "react")).toBeUndefined();
    expect(refusal(config, "./xlsx-like-name", join(ROOT, "src", "layout"))).toBeUndefined();
  });

  it("takes ADDIN_ORIGIN only as an https origin, and ends it with a slash", () => {
    expect(configure.productionOrigin("https://addins.example.gov.cn/ip-report")).toBe(
      "https://addins.example.gov.cn/ip-report/",
    );
    expect(configure.productionOrigin(undefined)).toBeUndefined();
    expect(() => configure.productionOrigin("http://addins.example.gov.cn/")).toThrow(/https/);
    expect(() => configure.productionOrigin("addins.example.gov.cn")).toThrow(/not a URL/);
    expect(() => configure.productionOrigin("https://a.example/?x=1")).toThrow(/query/);
  });
});
