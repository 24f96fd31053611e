/**
 * Command-line options, parsed strictly with Node's util.parseArgs: an unknown option,
 * a missing value or a stray argument is refused with one Chinese line (exit 2),
 * never ignored.
 */
import { parseArgs as parseNodeArgs } from "node:util";

type OptionSpec = { type: "string" | "boolean"; short?: string; multiple?: boolean };

/** A template pack file (模板包 JSON) for this run; may be given more than once. */
const PACK_FILE: OptionSpec = { type: "string", multiple: true };

/** The options each command takes; `positionals` says whether it takes file names. */
export const COMMAND_OPTIONS: Record<string, { options: Record<string, OptionSpec>; positionals: boolean }> = {
  generate: {
    options: { "pack-file": PACK_FILE, pack: { type: "string" }, data: { type: "string" }, from: { type: "string" }, out: { type: "string", short: "o" }, force: { type: "boolean" }, "adjust-rounding": { type: "boolean" }, format: { type: "string" }, "unit-type": { type: "string" }, department: { type: "string" } },
    positionals: false,
  },
  extract: {
    options: { "pack-file": PACK_FILE, out: { type: "string", short: "o" }, force: { type: "boolean" }, pack: { type: "string" }, "unit-type": { type: "string" }, department: { type: "string" } },
    positionals: true,
  },
  validate: {
    options: { "pack-file": PACK_FILE, format: { type: "string" }, "fail-on": { type: "string" }, pack: { type: "string" }, "unit-type": { type: "string" }, department: { type: "string" }, narrative: { type: "string" }, subjects: { type: "string" }, "show-info": { type: "boolean" }, report: { type: "string" }, force: { type: "boolean" }, roster: { type: "string" } },
    positionals: true,
  },
  compare: {
    options: { "pack-file": PACK_FILE, format: { type: "string" }, pack: { type: "string" }, "unit-type": { type: "string" }, department: { type: "string" } },
    positionals: true,
  },
  packs: { options: { "pack-file": PACK_FILE, format: { type: "string" } }, positionals: false },
  pack: { options: { out: { type: "string", short: "o" }, force: { type: "boolean" }, narrative: { type: "string" } }, positionals: true },
  help: { options: {}, positionals: true },
};

export interface ParsedArgs {
  command: string;
  positional: string[];
  options: Record<string, string | boolean | string[] | undefined>;
}

/** A command line that cannot be run as given: one Chinese line, exit 2. */
export class UsageError extends Error {}

/** Levenshtein distance, for "是否想用 --fail-on？". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

function suggestion(unknown: string, known: readonly string[]): string {
  const bare = unknown.replace(/^-+/, "").split("=")[0];
  const best = known.map((k) => ({ k, d: distance(bare, k) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= 2 ? `（是否想用 --${best.k}？）` : "";
}

export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  const [first = "", ...rest] = argv;
  const command = first === "--help" || first === "-h" ? "help" : first;
  const spec = COMMAND_OPTIONS[command];
  if (!spec) return { command, positional: rest, options: {} };
  try {
    const { values, positionals } = parseNodeArgs({ args: [...rest], options: spec.options, strict: true, allowPositionals: spec.positionals });
    return { command, positional: positionals, options: values as ParsedArgs["options"] };
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const named = /'(-[^' ,]+)/.exec(message)?.[1] ?? "";
    switch (code) {
      case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
        throw new UsageError(`${command} 不认识选项“${named}”${suggestion(named, Object.keys(spec.options))}；用 budget-tables help 查看用法。`);
      case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
        throw new UsageError(/does not take an argument/.test(message) ? `选项“${named}”不带取值。` : `选项“${named}”缺少取值。`);
      case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
        throw new UsageError(`${command} 不接受参数“${/'([^']+)'/.exec(message)?.[1] ?? ""}”；用 budget-tables help 查看用法。`);
      default:
        throw new UsageError(`命令行有误：${message}`);
    }
  }
}

/** The value of a string option, or undefined. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options[name];
  return typeof value === "string" ? value : undefined;
}

/** Every value of an option that may be repeated (--pack-file a.json --pack-file b.json). */
export function listOption(args: ParsedArgs, name: string): string[] {
  const value = args.options[name];
  return Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
}

/** One of a fixed set of values, or a usage error naming them. */
export function choiceOption<T extends string>(args: ParsedArgs, name: string, choices: readonly T[], fallback: T): T {
  const value = stringOption(args, name);
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(`--${name} 应为 ${choices.join(" 或 ")}，而不是“${value}”。`);
  return value as T;
}
