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
  /** The dropdowns shown (更正…); closed, the panel is one line with its count and the confirmation. */
  open: boolean;
  onOpen(open: boolean): void;
  /** Sheets shown with a dropdown though no table is recognised there: made a table, or changed, by the accountant. */
  kept: ReadonlySet<string>;
  onKeep(sheetName: string): void;
  onChoose(sheetName: string, tableId: string): void;
  onRecognizeAgain(): void;
  onConfirm(): void;
}

/**
 * 识别结果: how many tables were recognised and the confirmation, on one line; 更正… opens one dropdown
 * per sheet holding a table, the other sheets named on one line, any of which can be made a table.
 * The accountant confirms before any name is added.
 */
export default function RecognitionPanel({ strings, recognition, choices, changed, busy, open, onOpen, kept, onKeep, onChoose, onRecognizeAgain, onConfirm }: RecognitionPanelProps) {
  const styles = useStyles();
  const pack = recognition.pack;
  if (!pack) return null;
  const withTable = recognition.sheets.filter((s) => (choices[s.sheetName] ?? NOT_A_TABLE) !== NOT_A_TABLE || s.tables.length > 0 || kept.has(s.sheetName));
  const others = recognition.sheets.filter((s) => !withTable.includes(s));
  const tableOptions = pack.tables.map((t) => (
    <option key={t.id} value={t.id}>
      {`${tableName(t)} ${fillPattern(t.title, { year: 0, name: "" }).replace(/^0年/, "")}`}
    </option>
  ));
  const showOpen = open || changed;
  return (
    <section className={styles.panel} aria-label={strings.recognitionTitle}>
      <Subtitle2 as="h2">
        {strings.recognitionTitle}：{pack.name}
      </Subtitle2>
      <Text>{showOpen ? strings.recognitionIntro : strings.recognizedCount(recognition.placements.length)}</Text>
      {showOpen &&
        withTable.map((sheet) => (
          <Field key={sheet.sheetName} label={sheet.sheetName} hint={!choices[sheet.sheetName] && sheet.reason ? sheet.reason : undefined}>
            <Select
              className={styles.select}
              value={choices[sheet.sheetName] ?? NOT_A_TABLE}
              onChange={(_, d) => {
                // A sheet she changed keeps its dropdown, whatever the next recognition finds there.
                onKeep(sheet.sheetName);
                onChoose(sheet.sheetName, d.value);
              }}
            >
              <option value={NOT_A_TABLE}>{strings.notATable}</option>
              {tableOptions}
            </Select>
          </Field>
        ))}
      {showOpen && others.length > 0 && (
        <>
          <Text>{strings.otherSheets(others.map((s) => s.sheetName))}</Text>
          <Field label={strings.addSheetAsTable}>
            <Select className={styles.select} value="" onChange={(_, d) => d.value && onKeep(d.value)}>
              <option value="">—</option>
              {others.map((s) => (
                <option key={s.sheetName} value={s.sheetName}>
                  {s.sheetName}
                </option>
              ))}
            </Select>
          </Field>
        </>
      )}
      {changed && (
        <MessageBar intent="info">
          <MessageBarBody>{strings.recognitionChanged}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || changed || recognition.placements.length === 0} onClick={onConfirm}>
          {strings.confirmRecognition}
        </Button>
        {showOpen ? (
          <Button disabled={busy || !changed} onClick={onRecognizeAgain}>
            {strings.recognizeAgain}
          </Button>
        ) : (
          <Button aria-expanded={false} onClick={() => onOpen(true)}>
            {strings.correctRecognition}
          </Button>
        )}
      </div>
    </section>
  );
}
