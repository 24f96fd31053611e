// Test-only build: the task pane App over an in-memory workbook (test/e2e/page), and a blank Fluent page for the load benchmark.
// Same loaders and optimisation as webpack.config.js; not shipped.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { pdfjsAssetPatterns } = require("./scripts/pdfjs-assets");

module.exports = {
  mode: "production",
  entry: { app: "./test/e2e/page/main.tsx", blank: "./test/e2e/page/blank.tsx" },
  output: { path: path.resolve(__dirname, "test-output/e2e-page"), filename: "[name].js", chunkFilename: "[name].[contenthash:8].js", clean: true },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: { rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } }] },
  performance: { hints: false },
  optimization: { runtimeChunk: "single" },
  plugins: [
    new HtmlWebpackPlugin({ filename: "index.html", template: "./test/e2e/page/index.html", chunks: ["runtime", "app"], scriptLoading: "defer" }),
    new HtmlWebpackPlugin({ filename: "blank.html", template: "./test/e2e/page/index.html", chunks: ["runtime", "blank"], scriptLoading: "defer" }),
    // The pane's pdf.js worker and data, where the shipped build puts them.
    new CopyWebpackPlugin({ patterns: pdfjsAssetPatterns }),
  ],
};
