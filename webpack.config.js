// @ts-check
/**
 * Builds the task pane (dist/taskpane.html + its JS) and copies the manifest and icons.
 *   npx webpack --mode production            -> dist/, manifest URLs rewritten to ADDIN_ORIGIN
 *   npx webpack serve --mode development     -> https://localhost:3000 with Office's dev certificates
 */
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { checkerConfig } = require("./webpack.checker");

/** Where the manifest points while sideloading; the production build rewrites this prefix. */
const DEV_ORIGIN = "https://localhost:3000/";
/** Office documents require office.js from Microsoft's CDN: the pane's only off-origin request. */
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const SRC = path.resolve(__dirname, "src");
/** The pane runs in a browser: the ExcelJS adapter, the CLI and Node built-ins must never reach it. */
const FORBIDDEN_DIRS = [path.join(SRC, "xlsx"), path.join(SRC, "cli")];
const FORBIDDEN_PACKAGES = /^(node:|exceljs(\/|$)|fs$|path$|os$|child_process$)/;

/**
 * The production origin, as an https URL ending in "/". Undefined leaves the manifest on localhost
 * (a build for tests), with a warning.
 * @param {string | undefined} value
 */
function productionOrigin(value) {
  if (value === undefined || value === "") return undefined;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ADDIN_ORIGIN is not a URL: ${value}`);
  }
  if (url.protocol !== "https:")
    throw new Error(`ADDIN_ORIGIN must be https (Office loads add-ins over https only): ${value}`);
  if (url.search || url.hash) throw new Error(`ADDIN_ORIGIN must not carry a query or fragment: ${value}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** @param {string} manifest @param {string} origin */
function rewriteManifest(manifest, origin) {
  return manifest.split(DEV_ORIGIN).join(origin);
}

/**
 * An `externals` check that fails the build instead of bundling what only runs in Node.
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
    return callback(new Error(`${request} (imported by ${issuer}) must not be bundled into the task pane`));
  }
  callback();
}

/**
 * @param {Record<string, string | boolean | undefined>} env  webpack --env values; WEBPACK_SERVE when serving
 * @param {{ mode?: "production" | "development" | "none" }} argv
 * @returns {Promise<import("webpack").Configuration & { devServer?: import("webpack-dev-server").Configuration }>}
 */
module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode ?? "production";
  const production = mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const origin = production
    ? productionOrigin(typeof env.addinOrigin === "string" ? env.addinOrigin : process.env.ADDIN_ORIGIN)
    : undefined;
  const outputPath =
    typeof env.outputPath === "string" ? path.resolve(env.outputPath) : path.resolve(__dirname, "dist");
  // The browser checker (--env app=checker): its own build, into the same dist/ (webpack.checker.js).
  if (env.app === "checker") return checkerConfig(mode, outputPath);

  /** @type {import("webpack-dev-server").Configuration | undefined} */
  let devServer;
  if (serving) {
    // Only when serving: asking for certificates may install a CA or prompt, never wanted in a build or test.
    const devCerts = require("office-addin-dev-certs");
    devServer = {
      port: 3000,
      host: "localhost",
      server: { type: "https", options: await devCerts.getHttpsServerOptions() },
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      hot: false,
      client: { overlay: { runtimeErrors: false } },
      historyApiFallback: false,
    };
  }

  return {
    mode,
    context: __dirname,
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: outputPath,
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "auto",
      clean: true,
    },
    target: ["web", "es2020"],
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
            // ES modules let webpack drop what the pane never calls; tsconfig.json targets Node (commonjs).
            compilerOptions: { module: "es2020", moduleResolution: "node", sourceMap: !production },
          },
        },
      ],
    },
    optimization: {
      // Named groups for what the first view loads; what loads later (the report's views, the adapter, the
      // core) keeps webpack's own async chunks, so the first view does not wait for it.
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
    // A coarse guard on raw bytes (about 3.4 : 1 over gzip here); the real budget, 400 KB gzipped, is
    // measured by bench/taskpane.ts and test/e2e/taskpane.test.ts.
    performance: {
      hints: production ? "error" : false,
      maxEntrypointSize: 1_350_000,
      maxAssetSize: 1_000_000,
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: "./src/taskpane/taskpane.html",
        filename: "taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
        templateParameters: { officeJs: OFFICE_JS },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (origin ? rewriteManifest(content.toString("utf8"), origin) : content),
          },
        ],
      }),
      {
        /** @param {import("webpack").Compiler} compiler */
        apply(compiler) {
          compiler.hooks.thisCompilation.tap("ManifestOrigin", (compilation) => {
            if (production && !origin) {
              compilation.warnings.push(
                new compiler.webpack.WebpackError(
                  `ADDIN_ORIGIN is not set: dist/manifest.xml still points at ${DEV_ORIGIN} (fine for tests, not for deployment)`,
                ),
              );
            }
          });
        },
      },
    ],
    devServer,
    stats: "errors-warnings",
  };
};

module.exports.DEV_ORIGIN = DEV_ORIGIN;
module.exports.OFFICE_JS = OFFICE_JS;
module.exports.rewriteManifest = rewriteManifest;
module.exports.productionOrigin = productionOrigin;
