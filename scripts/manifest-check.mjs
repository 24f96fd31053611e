// Offline checks of the XML add-in manifest: what the online validator would refuse
// that we can tell without the internet. Returns a list of Chinese error messages.
import xml2js from "xml2js";

const SHORT_STRING_MAX = 125;
const LONG_STRING_MAX = 250;
const URL_MAX = 2048;

const attr = (tag, name) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** Elements with their opening tags, for a given tag name (namespaced or not). */
function tags(xml, name) {
  return [...xml.matchAll(new RegExp(`<${name}\\b[^>]*>`, "g"))].map((m) => m[0]);
}

export async function checkManifest(xml) {
  const errors = [];
  try {
    await xml2js.parseStringPromise(xml);
  } catch (error) {
    return [`XML 格式错误：${String(error.message).split("\n")[0]}`];
  }

  // Resources: ids, lengths, https.
  const defined = new Map();
  const kinds = { "bt:Image": "image", "bt:Url": "url", "bt:String": "string" };
  for (const [tag, kind] of Object.entries(kinds)) {
    for (const t of tags(xml, tag)) {
      const id = attr(t, "id");
      if (!id) continue;
      if (defined.has(id)) errors.push(`资源 id “${id}” 重复定义。`);
      defined.set(id, kind);
    }
  }
  const shortBlock = /<bt:ShortStrings>([\s\S]*?)<\/bt:ShortStrings>/.exec(xml)?.[1] ?? "";
  const longBlock = /<bt:LongStrings>([\s\S]*?)<\/bt:LongStrings>/.exec(xml)?.[1] ?? "";
  const checkLengths = (block, max, label) => {
    for (const m of block.matchAll(/(?:id="([^"]*)"[^>]*)?(?:DefaultValue|Value)="([^"]*)"/g)) {
      if ([...m[2]].length > max) errors.push(`${label}“${m[2].slice(0, 20)}…”超过 ${max} 个字符。`);
    }
  };
  checkLengths(shortBlock, SHORT_STRING_MAX, "短字符串");
  checkLengths(longBlock, LONG_STRING_MAX, "长字符串");
  for (const t of [...tags(xml, "DisplayName"), ...tags(xml, "Override")]) {
    const v = attr(t, "Value") ?? attr(t, "DefaultValue");
    if (t.startsWith("<DisplayName") && v && [...v].length > SHORT_STRING_MAX) errors.push(`显示名称超过 ${SHORT_STRING_MAX} 个字符。`);
  }
  for (const t of tags(xml, "Description")) {
    const v = attr(t, "DefaultValue");
    if (v && [...v].length > LONG_STRING_MAX) errors.push(`说明超过 ${LONG_STRING_MAX} 个字符。`);
  }

  // Every resid must be defined.
  for (const m of xml.matchAll(/resid="([^"]*)"/g)) {
    if (!defined.has(m[1])) errors.push(`引用的资源 “${m[1]}” 没有定义。`);
  }

  // URLs must be https.
  const urlValues = [
    ...[...tags(xml, "bt:Url"), ...tags(xml, "bt:Image")].flatMap((t) => [attr(t, "DefaultValue")]),
    ...[...xml.matchAll(/<bt:Url\b[^>]*>([\s\S]*?)<\/bt:Url>/g)].flatMap((m) => tags(m[1], "bt:Override").map((t) => attr(t, "Value"))),
    ...["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"].flatMap((n) => tags(xml, n).map((t) => attr(t, "DefaultValue"))),
    ...[...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1]),
  ].filter((v) => v !== undefined);
  for (const url of urlValues) {
    if (!/^https:\/\//.test(url)) errors.push(`网址 “${url}” 不是 https。`);
    if (url.length > URL_MAX) errors.push(`网址 “${url.slice(0, 40)}…” 超过 ${URL_MAX} 个字符。`);
  }

  // Shared runtime: one resid for Runtime, the custom functions Page and the FunctionFile.
  if (!/<Set Name="SharedRuntime"/.test(xml)) errors.push("缺少 SharedRuntime 要求集。");
  const runtime = tags(xml, "Runtime")[0];
  if (!runtime) errors.push("缺少 <Runtime>：任务窗格、功能区命令和自定义函数无法共享运行时。");
  else if (attr(runtime, "lifetime") !== "long") errors.push('共享运行时的 <Runtime> 应设 lifetime="long"。');
  const runtimeId = runtime && attr(runtime, "resid");
  const pageId = /<Page>\s*<SourceLocation resid="([^"]*)"/.exec(xml)?.[1];
  const functionFileId = attr(tags(xml, "FunctionFile")[0] ?? "", "resid");
  if (runtimeId && pageId !== runtimeId) errors.push(`自定义函数 <Page> 的 resid（${pageId}）与 <Runtime>（${runtimeId}）不同，会产生两个运行时。`);
  if (runtimeId && functionFileId !== runtimeId) errors.push(`<FunctionFile> 的 resid（${functionFileId}）与 <Runtime>（${runtimeId}）不同，会产生两个运行时。`);
  return errors;
}
