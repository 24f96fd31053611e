/**
 * The result of a host self-test (自检): one line per API the add-in relies on, ✓ or ✗ with what was found,
 * as the pane shows it and as the accountant copies it for IT.
 */
export interface SelfTestLine {
  /** What was checked ("二维 Formula 写入"). */
  check: string;
  ok: boolean;
  /** What was found: the branch taken, the value read, or the error. */
  detail: string;
}

/** The lines as plain text, one per check, for 复制结果. */
export function selfTestText(title: string, lines: readonly SelfTestLine[]): string {
  const failed = lines.filter((l) => !l.ok).length;
  const summary = failed === 0 ? `全部 ${lines.length} 项通过` : `${failed} 项未通过，共 ${lines.length} 项`;
  return [`${title}：${summary}`, ...lines.map((l) => `${l.ok ? "✓" : "✗"} ${l.check}：${l.detail}`)].join("\n");
}

/** An error as one line of text, whatever was thrown (COM errors are not always Error objects). */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (error && typeof error === "object" && "message" in error) return String((error as { message: unknown }).message);
  return String(error);
}
