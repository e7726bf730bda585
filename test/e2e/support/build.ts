import { join, resolve } from "node:path";
import webpack from "webpack";

export const ROOT = resolve(__dirname, "..", "..", "..");
export const TEST_OUTPUT = join(ROOT, "test-output");

type Configure = (
  env: Record<string, string | boolean | undefined>,
  argv: { mode: "production" | "development" },
) => Promise<webpack.Configuration>;

// The real webpack.config.js, so tests exercise the build that ships.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const configure = require(join(ROOT, "webpack.config.js")) as Configure;

function compile(config: webpack.Configuration): Promise<webpack.Stats> {
  return new Promise((resolvePromise, reject) => {
    const compiler = webpack(config);
    compiler.run((err, stats) => {
      compiler.close(() => {
        if (err) return reject(err);
        if (!stats) return reject(new Error("webpack gave no stats"));
        if (stats.hasErrors()) {
          return reject(new Error(stats.toString({ all: false, errors: true, errorDetails: true })));
        }
        resolvePromise(stats);
      });
    });
  });
}

/** The production build of the pane (what `npx webpack --mode production` makes), into outputPath. */
export async function buildTaskpane(outputPath: string, addinOrigin?: string): Promise<webpack.Stats> {
  const config = await configure({ outputPath, addinOrigin }, { mode: "production" });
  // The repo's performance budget stays an error in the real build; here the test measures it itself.
  return compile({ ...config, infrastructureLogging: { level: "error" } });
}

/** A browser bundle of one test entry (the fake Excel host), as a single classic script. */
export async function buildBrowserScript(
  entry: string,
  outputPath: string,
  filename: string,
): Promise<string> {
  await compile({
    mode: "development",
    devtool: false,
    context: ROOT,
    target: ["web", "es2020"],
    entry: { script: entry },
    output: { path: outputPath, filename, iife: true, clean: false },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          options: {
            transpileOnly: true,
            configFile: join(ROOT, "tsconfig.json"),
            compilerOptions: { module: "es2020", moduleResolution: "node" },
          },
        },
      ],
    },
    infrastructureLogging: { level: "error" },
    stats: "errors-only",
  });
  return join(outputPath, filename);
}

/** The production build of the browser checker (`webpack --mode production --env app=checker`), into outputPath. */
export async function buildChecker(outputPath: string): Promise<webpack.Stats> {
  const config = await configure({ outputPath, app: "checker" }, { mode: "production" });
  return compile({ ...config, infrastructureLogging: { level: "error" } });
}
