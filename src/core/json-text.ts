/** JSON text a person can edit: a value whose one-line form is short stays on one line, larger ones are laid out by level. */
export function readableJson(value: unknown, width = 110): string {
  return layout(value, "", width) + "\n";
}

function oneLine(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(oneLine).join(", ")}]`;
  return `{${entriesOf(value).map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`).join(", ")}}`;
}

const entriesOf = (value: object): [string, unknown][] => Object.entries(value).filter(([, v]) => v !== undefined);

function layout(value: unknown, indent: string, width: number): string {
  const flat = oneLine(value);
  if (value === null || typeof value !== "object" || indent.length + flat.length <= width) return flat;
  const inner = indent + "  ";
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + layout(v, inner, width)).join(",\n")}\n${indent}]`;
  return `{\n${entriesOf(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${layout(v, inner, width)}`).join(",\n")}\n${indent}}`;
}
