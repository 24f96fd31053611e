import { Badge, Button, Checkbox, Link, MessageBar, MessageBarBody, Spinner, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { UnitInfo } from "../../core/model";
import { SEVERITY_NAMES, type Finding, type Severity, type ValidationReport } from "../../core/validation/types";
import type { WorkbookPort } from "../../host/workbook-port";
import { runValidation, type PastedNarrative } from "../run-validation";
import TextSources from "./TextSources";
import PdfCheckPanel from "./PdfCheckPanel";
import { groupForDisplay } from "../../core/validation/display";
import type { RecognitionOptions } from "../../core/recognize/recognize";
import RecognitionPanel, { NOT_A_TABLE } from "./RecognitionPanel";
import RoundingActions from "./RoundingActions";
import { printPlan } from "../../core/print-plan";
import type { WorkbookReading } from "../../core/read-workbook";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  counts: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  filters: { display: "flex", flexWrap: "wrap" },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  finding: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline" },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
  infoToggle: { justifyContent: "flex-start", textAlign: "left" },
  list: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const BADGE_COLOR: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

export interface ValidationViewProps {
  strings: Strings;
  port: WorkbookPort;
  unit: UnitInfo | null;
  /** Changes when the ribbon's 校验 asks for a run. */
  actionToken: number;
}

/** Each sheet's table as recognised (NOT_A_TABLE where none), as the recognition panel's choices. */
function choicesOf(reading: WorkbookReading | null): Record<string, string> {
  return Object.fromEntries((reading?.recognition?.sheets ?? []).map((s) => [s.sheetName, s.tables[0] ?? NOT_A_TABLE]));
}

/** 校验: counts by severity first, then the recognition (one line), findings grouped by sheet, filter, click to select the cell. */
export default function ValidationView({ strings, port, unit, actionToken: runToken }: ValidationViewProps) {
  const styles = useStyles();
  const [report, setReport] = useState<ValidationReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<Set<Severity>>(new Set(SEVERITIES));
  const [note, setNote] = useState<string | null>(null);

  // Recognition of a workbook without our names: the mapping shown, corrected and confirmed here.
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [lastReading, setLastReading] = useState<WorkbookReading | null>(null);
  // The mapping the last reading recognised, against which the accountant's corrections are told apart.
  const recognizedChoices = useMemo(() => choicesOf(lastReading), [lastReading]);
  // Shown while the workbook is read by recognition, not through our names.
  const recognition = lastReading?.recognition ?? null;
  const [pasted, setPasted] = useState<PastedNarrative | null>(null);
  // 更正…: the recognition's dropdowns shown (closed, the panel is its count and the confirmation).
  const [recognitionOpen, setRecognitionOpen] = useState(false);
  const [keptSheets, setKeptSheets] = useState<ReadonlySet<string>>(new Set());

  const run = useCallback(
    async (options?: RecognitionOptions) => {
      setBusy(true);
      setError(null);
      setNote(null);
      try {
        const { report: result, reading } = await runValidation(port, unit, options, pasted);
        setReport(result);
        setLastReading(reading);
        setChoices(choicesOf(reading));
      } catch (e) {
        setError(strings.errorPrefix + (e as Error).message);
      } finally {
        setBusy(false);
      }
    },
    [port, unit, strings, pasted],
  );

  const recognizeAgain = () =>
    void run({ packId: recognition?.pack?.id, choices: Object.fromEntries(Object.entries(choices).map(([sheet, id]) => [sheet, id === NOT_A_TABLE ? null : id])) });

  async function confirmRecognition() {
    if (!recognition?.pack) return;
    setBusy(true);
    try {
      const count = await port.attachNames(recognition.pack.id, recognition.placements);
      const tables = recognition.placements.length;
      await run();
      setNote(strings.namesAttached(count, tables));
    } catch (e) {
      setError(strings.errorPrefix + (e as Error).message);
      setBusy(false);
    }
  }

  const lastRun = useRef(0);
  useEffect(() => {
    if (runToken > lastRun.current) {
      lastRun.current = runToken;
      void run();
    }
  }, [runToken, run]);

  // Errors first, then warnings, by sheet; informations gathered by kind under one line each, closed at first.
  const { bySheet, infos } = useMemo(() => groupForDisplay((report?.findings ?? []).filter((f) => shown.has(f.severity)), strings.workbook), [report, shown, strings]);
  const [openKinds, setOpenKinds] = useState<Set<string>>(new Set());
  const toggleKind = (kind: string) => {
    const next = new Set(openKinds);
    if (next.has(kind)) next.delete(kind);
    else next.add(kind);
    setOpenKinds(next);
  };
  const findingItem = (f: Finding, i: number) => (
    <li key={`${f.ruleId}-${f.cell}-${i}`} className={styles.finding}>
      <Badge className={styles.badge} color={BADGE_COLOR[f.severity]} size="small">
        {SEVERITY_NAMES[f.severity]}
      </Badge>
      {f.sheet ? (
        <Link as="button" onClick={() => void select(f)} title={strings.selectCell}>
          {f.sheet && f.severity === "info" ? `${f.sheet} ` : ""}
          {f.cell ? `${f.cell} ` : ""}
          {f.message}
        </Link>
      ) : (
        <Text>{f.message}</Text>
      )}
    </li>
  );

  async function select(f: Finding) {
    if (!f.sheet) return;
    try {
      await port.selectCell(f.sheet, f.cell ?? "A1");
    } catch (e) {
      setError(strings.errorPrefix + (e as Error).message);
    }
  }

  async function setUpPrinting() {
    if (!lastReading) return;
    try {
      setNote(strings.printingSet((await port.setUpPrinting(printPlan(lastReading))).length));
    } catch (e) {
      setError(strings.errorPrefix + (e as Error).message);
    }
  }

  async function writeReport() {
    if (!report) return;
    try {
      setNote(strings.reportWritten(await port.writeReport(report)));
    } catch (e) {
      setError(strings.errorPrefix + (e as Error).message);
    }
  }

  return (
    <div className={styles.view}>
      <Text as="p">{strings.validationIntro}</Text>
      <Button appearance="primary" disabled={busy} onClick={() => void run()}>
        {report ? strings.validateAgain : strings.validate}
      </Button>
      <TextSources strings={strings} port={port} narrative={pasted} onNarrative={setPasted} onNote={setNote} onError={(text) => setError(text)} />
      {note && !busy && (
        <MessageBar intent="success">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}
      {busy && <Spinner size="tiny" label={strings.validating} />}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {report && !busy && (
        <>
          <div className={styles.counts} role="status" aria-label={strings.validationSummary}>
            {SEVERITIES.map((s) => (
              <Badge key={s} color={BADGE_COLOR[s]} appearance={report.counts[s] > 0 ? "filled" : "outline"}>
                {SEVERITY_NAMES[s]} {report.counts[s]}
              </Badge>
            ))}
            <Text>{report.valid ? strings.validationPassed : strings.validationFailed}</Text>
          </div>
          {recognition && (
            <RecognitionPanel
              strings={strings}
              recognition={recognition}
              choices={choices}
              changed={JSON.stringify(choices) !== JSON.stringify(recognizedChoices)}
              busy={busy}
              open={recognitionOpen}
              onOpen={setRecognitionOpen}
              kept={keptSheets}
              onKeep={(sheet) => setKeptSheets(new Set([...keptSheets, sheet]))}
              onChoose={(sheet, id) => setChoices({ ...choices, [sheet]: id })}
              onRecognizeAgain={recognizeAgain}
              onConfirm={() => void confirmRecognition()}
            />
          )}
          <div className={styles.filters} role="group" aria-label={strings.filter}>
            {SEVERITIES.map((s) => (
              <Checkbox
                key={s}
                label={SEVERITY_NAMES[s]}
                checked={shown.has(s)}
                onChange={(_, d) => {
                  const next = new Set(shown);
                  if (d.checked) next.add(s);
                  else next.delete(s);
                  setShown(next);
                }}
              />
            ))}
          </div>
          {bySheet.length === 0 && infos.length === 0 && <Text>{strings.noFindings}</Text>}
          {bySheet.map(({ sheet, findings }) => (
            <section key={sheet} className={styles.group} aria-label={sheet}>
              <Subtitle2 as="h2">{sheet}</Subtitle2>
              <ul className={styles.list}>{findings.map(findingItem)}</ul>
            </section>
          ))}
          {infos.map(({ kind, findings }) => (
            <section key={kind} className={styles.group} aria-label={strings.infoGroup(kind, findings.length)}>
              <Button appearance="subtle" className={styles.infoToggle} aria-expanded={openKinds.has(kind)} onClick={() => toggleKind(kind)}>
                {openKinds.has(kind) ? "▾" : "▸"} {strings.infoGroup(kind, findings.length)}
              </Button>
              {openKinds.has(kind) && <ul className={styles.list}>{findings.map(findingItem)}</ul>}
            </section>
          ))}
          <RoundingActions
            strings={strings}
            port={port}
            reading={lastReading}
            busy={busy}
            onDone={(text) => void run().then(() => setNote(text))}
            onError={(message) => setError(strings.errorPrefix + message)}
          />
          <div className={styles.counts}>
            <Button onClick={() => void writeReport()}>{strings.writeReport}</Button>
            <Button disabled={!lastReading?.pack} onClick={() => void setUpPrinting()}>
              {strings.setUpPrinting}
            </Button>
          </div>
        </>
      )}
      <PdfCheckPanel strings={strings} port={port} unit={unit} onError={(text) => setError(text)} />
    </div>
  );
}
