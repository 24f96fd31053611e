// Lint: TypeScript, the Office.js rules of eslint-plugin-office-addins (the real bugs: reading before
// sync, loading nothing, syncing in a loop), and the architecture: src/core imports no face.
import tsParser from "@typescript-eslint/parser";
import tsPlugin from "@typescript-eslint/eslint-plugin";
import officeAddins from "eslint-plugin-office-addins";
import reactPlugin from "eslint-plugin-react";

const officeRules = {
  "office-addins/call-sync-after-load": "error",
  "office-addins/call-sync-before-read": "error",
  "office-addins/load-object-before-read": "error",
  "office-addins/no-context-sync-in-loop": "error",
  "office-addins/no-empty-load": "error",
  "office-addins/no-navigational-load": "warn",
  "office-addins/no-office-initialize": "error",
  "office-addins/test-for-null-using-isNullObject": "error",
};

export default [
  { ignores: ["dist/**", "dist-wps/**", "lib/**", "node_modules/**", "demo/**", "test-output/**", "coverage/**", ".stryker-tmp/**", "reports/**"] },
  {
    files: ["**/*.{ts,tsx,mts}"],
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true }, sourceType: "module" } },
    plugins: { "@typescript-eslint": tsPlugin, "office-addins": officeAddins, react: reactPlugin },
    settings: { react: { version: "19" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "off",
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      eqeqeq: ["error", "always"],
      "react/jsx-key": "error",
      "react/no-danger": "error",
    },
  },
  {
    // Office.js code only: the same rules misread ExcelJS calls in the CLI and the tests.
    files: ["src/excel/**/*.ts", "src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.ts", "src/functions/**/*.ts"],
    rules: officeRules,
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*", "fs", "path", "os", "child_process"], message: "src/core is pure: no Node modules." },
            { group: ["react", "react-dom", "@fluentui/*"], message: "src/core is pure: no React." },
            { group: ["exceljs", "@e965/xlsx", "mammoth", "@microsoft/office-js", "office-addin-*"], message: "src/core is pure: no ExcelJS, SheetJS, mammoth or Office.js." },
            { group: ["**/excel/**", "**/wps/**", "**/host/**", "**/taskpane/**", "**/functions/**", "**/commands/**", "**/cli/**"], message: "src/core never imports a face." },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Office", "Excel", "CustomFunctions", "document", "window", "process"],
    },
  },
  {
    // Faces are thin and apart: the command line never reaches into the add-in's Office.js code, nor the reverse.
    files: ["src/cli/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["**/excel/**", "**/wps/**", "**/taskpane/**", "**/commands/**", "**/functions/**"], message: "The CLI is a face of its own: shared code belongs in src/core." }] }] },
  },
  {
    files: ["src/excel/**/*.ts", "src/wps/**/*.ts", "src/taskpane/**/*.{ts,tsx}", "src/host/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["**/cli/**", "exceljs", "@e965/xlsx", "node:*"], message: "The add-in runs in Office or WPS: no CLI, ExcelJS, SheetJS or Node code." }] }] },
  },
  {
    // Reading a file's bytes (SheetJS): shared by the command line and the task pane, so no Node and no face.
    files: ["src/io/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["node:*", "fs", "path"], message: "src/io runs in the task pane too: no Node modules." }, { group: ["**/excel/**", "**/wps/**", "**/taskpane/**", "**/cli/**", "**/commands/**", "**/functions/**", "**/host/**"], message: "src/io is below the faces." }] }],
      "no-restricted-globals": ["error", "Buffer", "process", "Office", "Excel"],
    },
  },
  {
    // The WPS face is synchronous ET calls: no Office.js in it, and the Excel face none of WPS's.
    files: ["src/wps/**/*.ts"],
    rules: { "no-restricted-globals": ["error", "Office", "Excel", "CustomFunctions"] },
  },
];
