import { Button, Field, MessageBar, MessageBarBody, Select, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Recognition } from "../../core/recognize/recognize";
import { fillPattern } from "../../core/layout/render";
import { tableName } from "../../core/validation/locate";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  panel: { boxSizing: "border-box", minWidth: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalS, border: `1px solid ${tokens.colorNeutralStroke1}` },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  // Long table titles must not push the dropdown past the pane's edge.
  select: { width: "100%", minWidth: 0, maxWidth: "100%" },
});

/** The value of the choice “not a disclosure table”. */
export const NOT_A_TABLE = "";

export interface RecognitionPanelProps {
  strings: Strings;
  recognition: Recognition;
  /** The table chosen for each sheet (NOT_A_TABLE for none). */
  choices: Record<string, string>;
  changed: boolean;
  busy: boolean;
  onChoose(sheetName: string, tableId: string): void;
  onRecognizeAgain(): void;
  onConfirm(): void;
}

/** 识别结果: which sheet holds which table, one dropdown per sheet; the accountant confirms before any name is added. */
export default function RecognitionPanel({ strings, recognition, choices, changed, busy, onChoose, onRecognizeAgain, onConfirm }: RecognitionPanelProps) {
  const styles = useStyles();
  const pack = recognition.pack;
  if (!pack) return null;
  return (
    <section className={styles.panel} aria-label={strings.recognitionTitle}>
      <Subtitle2 as="h2">
        {strings.recognitionTitle}：{pack.name}
      </Subtitle2>
      <Text>{strings.recognitionIntro}</Text>
      {recognition.sheets.map((sheet) => (
        <Field key={sheet.sheetName} label={sheet.sheetName} hint={!choices[sheet.sheetName] && sheet.reason ? sheet.reason : undefined}>
          <Select className={styles.select} value={choices[sheet.sheetName] ?? NOT_A_TABLE} onChange={(_, d) => onChoose(sheet.sheetName, d.value)}>
            <option value={NOT_A_TABLE}>{strings.notATable}</option>
            {pack.tables.map((t) => (
              <option key={t.id} value={t.id}>
                {`${tableName(t)} ${fillPattern(t.title, { year: 0, name: "" }).replace(/^0年/, "")}`}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      {changed && (
        <MessageBar intent="info">
          <MessageBarBody>{strings.recognitionChanged}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button disabled={busy || !changed} onClick={onRecognizeAgain}>
          {strings.recognizeAgain}
        </Button>
        <Button appearance="primary" disabled={busy || changed || recognition.placements.length === 0} onClick={onConfirm}>
          {strings.confirmRecognition}
        </Button>
      </div>
    </section>
  );
}
