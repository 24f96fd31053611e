// Build of the add-in: one shared-runtime page (taskpane.html) carries the task pane,
// the ribbon commands and the custom functions.
const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { ZhCnMetadataPlugin } = require("./scripts/zh-cn-metadata-plugin");
const { pdfjsAssetPatterns } = require("./scripts/pdfjs-assets");

const DEV_URL = "https://localhost:3000/";
const PROD_URL = process.env.ADDIN_PUBLIC_URL || "https://localhost:3000/"; // set to the deployed origin for production

/** Certificates made by `office-addin-dev-certs install`, read directly (installing the CA needs admin rights). */
function httpsOptions() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const cert = path.join(dir, "localhost.crt");
  const key = path.join(dir, "localhost.key");
  if (fs.existsSync(cert) && fs.existsSync(key)) {
    return { cert: fs.readFileSync(cert), key: fs.readFileSync(key), ca: fs.existsSync(path.join(dir, "ca.crt")) ? fs.readFileSync(path.join(dir, "ca.crt")) : undefined };
  }
  return undefined; // webpack-dev-server then makes a self-signed certificate of its own
}

module.exports = (env, options) => {
  const dev = options.mode === "development";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } },
      ],
    },
    performance: { hints: false },
    // One webpack runtime for the three entries, so that they share module instances (the view requested by a ribbon command).
    optimization: { runtimeChunk: "single" },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new ZhCnMetadataPlugin({ source: "functions.json", output: "functions.zh-CN.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["runtime", "functions", "commands", "taskpane"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({ filename: "help.html", template: "./src/taskpane/help.html", chunks: [] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          ...pdfjsAssetPatterns,
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : Buffer.from(content.toString().replace(new RegExp(DEV_URL, "g"), PROD_URL))),
          },
        ],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: httpsOptions() },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      static: { directory: path.resolve(__dirname, "dist") },
    },
  };
};
