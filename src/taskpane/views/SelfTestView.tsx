import { Button, MessageBar, MessageBarBody, Spinner, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { PaneHost } from "../../host/pane-host";
import { errorText, selfTestText, type SelfTestLine } from "../../host/self-test";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  failed: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

export interface SelfTestViewProps {
  strings: Strings;
  host: PaneHost;
  /** Increases each time the ribbon's 自检 asks for a run. */
  actionToken: number;
}

/** Copies text: the Clipboard API where the engine has it and allows it, else the selection of a hidden field. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission on a file: page): the older way below.
  }
  const field = document.createElement("textarea");
  field.value = text;
  field.setAttribute("readonly", "");
  field.style.cssText = "position:fixed;left:-9999px;top:0;";
  document.body.appendChild(field);
  field.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    field.remove();
  }
}

/** 自检: one line per API, ✓ or ✗ with what was found, and the result as text to send to IT. */
export function SelfTestView({ strings, host, actionToken }: SelfTestViewProps) {
  const styles = useStyles();
  const [lines, setLines] = useState<SelfTestLine[] | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const runs = useRef(0);

  async function run() {
    const id = ++runs.current;
    setRunning(true);
    setError(null);
    setCopied(null);
    try {
      const result = await host.selfTest();
      if (id === runs.current) setLines(result);
    } catch (e) {
      if (id === runs.current) setError(strings.errorPrefix + errorText(e));
    } finally {
      if (id === runs.current) setRunning(false);
    }
  }

  // Runs when opened, and again at each 自检 on the ribbon.
  useEffect(() => {
    void run();
  }, [actionToken]);

  const text = lines ? selfTestText(host.selfTestTitle, lines) : "";
  const failed = lines?.filter((l) => !l.ok).length ?? 0;

  return (
    <div className={styles.root}>
      <Text>{strings.selfTestIntro}</Text>
      {running && <Spinner size="tiny" label={strings.selfTestRunning} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {lines && !running && (
        <>
          <MessageBar intent={failed === 0 ? "success" : "warning"}>
            <MessageBarBody>{strings.selfTestSummary(failed, lines.length)}</MessageBarBody>
          </MessageBar>
          <ul className={styles.list} aria-label={strings.selfTest}>
            {lines.map((line, i) => (
              <li key={i} className={line.ok ? undefined : styles.failed}>
                <Text>{`${line.ok ? "✓" : "✗"} ${line.check}：${line.detail}`}</Text>
              </li>
            ))}
          </ul>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => void copyText(text).then(setCopied)}>
              {strings.copyResult}
            </Button>
            <Button onClick={() => void run()}>{strings.selfTestRun}</Button>
          </div>
          {copied === true && (
            <MessageBar intent="success">
              <MessageBarBody>{strings.copied}</MessageBarBody>
            </MessageBar>
          )}
          {copied === false && (
            <>
              <MessageBar intent="warning">
                <MessageBarBody>{strings.copyFailed}</MessageBarBody>
              </MessageBar>
              <Textarea readOnly value={text} aria-label={strings.copyResult} resize="vertical" />
            </>
          )}
        </>
      )}
    </div>
  );
}

export default SelfTestView;
