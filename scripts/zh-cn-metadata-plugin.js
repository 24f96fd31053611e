// Writes functions.zh-CN.json from the generated functions.json: same ids and parameters,
// Chinese descriptions from src/functions/functions.zh-CN.ts.
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

function loadTranslations() {
  const file = path.resolve(__dirname, "../src/functions/functions.zh-CN.ts");
  const output = ts.transpileModule(fs.readFileSync(file, "utf8"), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  const module = { exports: {} };
  new Function("module", "exports", output)(module, module.exports);
  return module.exports.ZH_CN_FUNCTIONS;
}

/** Pure: the zh-CN metadata for a metadata object. Throws when a function or parameter has no translation. */
function translateMetadata(metadata, translations) {
  return {
    ...metadata,
    functions: metadata.functions.map((fn) => {
      const t = translations[fn.id];
      if (!t) throw new Error(`functions.zh-CN.ts: no Chinese description for ${fn.id}`);
      return {
        ...fn,
        description: t.description,
        result: fn.result ? { ...fn.result, ...(t.result ? { description: t.result } : {}) } : fn.result,
        parameters: (fn.parameters || []).map((p) => {
          if (!t.parameters[p.name]) throw new Error(`functions.zh-CN.ts: no Chinese description for ${fn.id}(${p.name})`);
          return { ...p, description: t.parameters[p.name] };
        }),
      };
    }),
  };
}

class ZhCnMetadataPlugin {
  constructor(options) {
    this.options = options;
  }
  apply(compiler) {
    const { sources, Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("ZhCnMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "ZhCnMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const source = compilation.getAsset(this.options.source);
        if (!source) return;
        try {
          const translated = translateMetadata(JSON.parse(source.source.source().toString()), loadTranslations());
          compilation.emitAsset(this.options.output, new sources.RawSource(JSON.stringify(translated, null, 2)));
        } catch (error) {
          compilation.errors.push(new compiler.webpack.WebpackError(String(error.message)));
        }
      });
    });
  }
}

module.exports = { ZhCnMetadataPlugin, translateMetadata, loadTranslations };
