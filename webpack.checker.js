// @ts-check
/**
 * Builds the browser checker (dist/checker.html + dist/checker/*.js): `webpack --mode production --env app=checker`
 * (npm run build makes the task pane, then this). Separate from the pane's build because it targets ES2017 (the
 * Chromium cores of 360 and QQ browsers) and because its later chunks may hold ExcelJS (the writer, loaded
 * only when a download is asked for); the first scripts may not (test/e2e/checker.test.ts, bench/checker.ts).
 */
const { createHash } = require("node:crypto");
const { readFileSync } = require("node:fs");
const path = require("node:path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const SRC = path.resolve(__dirname, "src");
/** The command line never runs in a page; Node built-ins have no browser to run in. */
const FORBIDDEN_DIRS = [path.join(SRC, "cli")];
const FORBIDDEN_PACKAGES = /^(node:|fs$|fs\/|path$|os$|child_process$)/;

/**
 * Node-only pieces of the .xlsx adapter and their browser stand-ins: ExcelJS's browser build already hands
 * JSZip bytes (so its Node fix is not needed), a page reads no file by path, and has no zlib (fflate deflates).
 */
const BROWSER_STANDINS = new Map([
  ["./exceljs-fixes", path.join(SRC, "checker", "browser", "exceljs-fixes.ts")],
  ["./file", path.join(SRC, "checker", "browser", "file.ts")],
  ["./deflate", path.join(SRC, "checker", "browser", "deflate.ts")],
]);
const XLSX_DIR = path.join(SRC, "xlsx");

/** Swaps a request of the .xlsx adapter for its browser stand-in before it is resolved. */
const browserStandins = new webpack.NormalModuleReplacementPlugin(
  /^\.\/(exceljs-fixes|file|deflate)$/,
  (resource) => {
    const standin = BROWSER_STANDINS.get(resource.request);
    if (standin && resource.context === XLSX_DIR) resource.request = standin;
  },
);

/** The inline too-old check (ES5), put in the page as it is. */
function tooOldCheck() {
  return { tooOldScript: readFileSync(path.join(SRC, "checker", "too-old.js"), "utf8") };
}

/** Where the page's CSP lists the hashes of its inline scripts. */
const HASHES = "INLINE_SCRIPT_HASHES";

/**
 * Puts the hash of every inline script of the page, as emitted (formatting and all), into its
 * Content-Security-Policy: the page allows those and no other inline script.
 */
class InlineScriptHashes {
  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    compiler.hooks.compilation.tap("InlineScriptHashes", (compilation) => {
      HtmlWebpackPlugin.getCompilationHooks(compilation).beforeEmit.tap("InlineScriptHashes", (data) => {
        const hashes = [...data.html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
          (m) => `'sha256-${createHash("sha256").update(m[1]).digest("base64")}'`,
        );
        data.html = data.html.replace(HASHES, hashes.join(" "));
        return data;
      });
    });
  }
}

/**
 * @param {{ request?: string, context?: string, contextInfo?: { issuer: string } }} data
 * @param {(err?: Error) => void} callback
 */
function refuseNodeOnlyModules({ request, context, contextInfo }, callback) {
  if (!request) return callback();
  const issuer = contextInfo?.issuer ?? context ?? "?";
  const resolved = request.startsWith(".") && context ? path.resolve(context, request) : undefined;
  if (
    FORBIDDEN_PACKAGES.test(request) ||
    (resolved && FORBIDDEN_DIRS.some((dir) => resolved === dir || resolved.startsWith(dir + path.sep)))
  ) {
    return callback(new Error(`${request} (imported by ${issuer}) must not be bundled into the checker`));
  }
  callback();
}

/**
 * @param {"production" | "development" | "none"} mode
 * @param {string} outputPath
 * @returns {import("webpack").Configuration}
 */
function checkerConfig(mode, outputPath) {
  const production = mode === "production";
  return {
    name: "checker",
    mode,
    context: __dirname,
    entry: { checker: "./src/checker/index.tsx" },
    output: {
      path: outputPath,
      filename: production ? "checker/[name].[contenthash:8].js" : "checker/[name].js",
      chunkFilename: production ? "checker/[name].[contenthash:8].js" : "checker/[name].js",
      // From the script's own address: the same page works from a web server and from a shared folder.
      publicPath: "auto",
      // The task pane's build, run first, empties dist/; this one adds to it.
      clean: false,
    },
    target: ["web", "es2017"],
    devtool: production ? false : "eval-cheap-module-source-map",
    resolve: { extensions: [".tsx", ".ts", ".js", ".json"] },
    externals: [refuseNodeOnlyModules],
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          options: {
            transpileOnly: true,
            configFile: path.resolve(__dirname, "tsconfig.json"),
            compilerOptions: {
              module: "es2020",
              moduleResolution: "node",
              target: "es2017",
              sourceMap: !production,
            },
          },
        },
        {
          // Fluent UI, zod, ExcelJS's browser build and others ship ES2018+ (object rest, optional chaining):
          // TypeScript brings them down to ES2017 too, so the whole page runs where ES2017 does.
          test: /\.[cm]?js$/,
          include: /node_modules/,
          loader: "ts-loader",
          options: {
            transpileOnly: true,
            configFile: path.resolve(__dirname, "tsconfig.json"),
            compilerOptions: {
              allowJs: true,
              checkJs: false,
              module: "es2020",
              moduleResolution: "node",
              target: "es2017",
              sourceMap: false,
            },
          },
        },
      ],
    },
    plugins: [
      browserStandins,
      // JSZip (the note-drawing fix) writes Node buffers: the `buffer` package stands in for them.
      new webpack.ProvidePlugin({ Buffer: ["buffer", "Buffer"] }),
      new HtmlWebpackPlugin({
        template: "./src/checker/checker.html",
        filename: "checker.html",
        chunks: ["checker"],
        scriptLoading: "defer",
        inject: "body",
        minify: false,
        templateParameters: tooOldCheck(),
      }),
      new InlineScriptHashes(),
    ],
    optimization: {
      // webpack minifies .html itself now (experiments.html "auto"), after HtmlWebpackPlugin's beforeEmit: the
      // hashed inline check must reach the page as its hash was taken, so the page is left as written.
      minimizeOptions: { html: false },
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: "react",
            chunks: "initial",
            priority: 30,
          },
          vendor: { test: /[\\/]node_modules[\\/]/, name: "vendor", chunks: "initial", priority: 10 },
        },
      },
    },
    // The budget (150 KB gzipped of first scripts) is measured by bench/checker.ts and the e2e test;
    // ExcelJS's chunk is large by nature and loads only for a download.
    performance: { hints: false },
    stats: "errors-warnings",
  };
}

module.exports = { checkerConfig };
