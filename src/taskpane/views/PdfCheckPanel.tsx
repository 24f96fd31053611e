import { Badge, Button, Link, MessageBar, MessageBarBody, Spinner, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { Place } from "../../core/compare";
import type { UnitInfo } from "../../core/model";
import { SEVERITY_NAMES, type Finding, type Severity } from "../../core/validation/types";
import type { WorkbookPort } from "../../host/workbook-port";
import { checkPdf, type PdfCheck } from "../pdf-check";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  counts: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  list: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline" },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
  hidden: { display: "none" },
});

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const BADGE_COLOR: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

/** A place as a reviewer reads it: 第12页, or a sheet and its cell. */
const placeText = (place: Place) => [place.sheet, place.cell].filter(Boolean).join(" ");
const findingText = (f: Finding) => [f.sheet, f.cell, f.message].filter(Boolean).join(" ");

export interface PdfCheckPanelProps {
  strings: Strings;
  port: WorkbookPort;
  unit: UnitInfo | null;
  onError(text: string): void;
}

/** 检查 PDF…: the published PDF validated on its own, its findings on their pages, and compared with the open workbook. */
export default function PdfCheckPanel({ strings, port, unit, onError }: PdfCheckPanelProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PdfCheck | null>(null);

  async function pick(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setResult(null);
    try {
      setResult(await checkPdf(file, port, unit));
    } catch (e) {
      onError(strings.errorPrefix + (e as Error).message);
    } finally {
      setBusy(false);
      // The same file picked again (after the workbook changed) is read again.
      if (input.current) input.current.value = "";
    }
  }

  async function select(place: Place) {
    if (!place.sheet) return;
    try {
      await port.selectCell(place.sheet, place.cell ?? "A1");
    } catch (e) {
      onError(strings.errorPrefix + (e as Error).message);
    }
  }

  const listed = result?.ok ? result.report.findings.filter((f) => f.severity !== "info") : [];
  return (
    <div className={styles.panel}>
      <Button disabled={busy} onClick={() => input.current?.click()}>
        {strings.checkPdf}
      </Button>
      <Text size={200}>{strings.checkPdfHint}</Text>
      <input ref={input} className={styles.hidden} type="file" accept=".pdf,application/pdf" aria-label={strings.checkPdf} onChange={(e) => void pick(e.target.files?.[0])} />
      {busy && <Spinner size="tiny" label={strings.readingPdf} />}
      {result && !result.ok && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{result.message}</MessageBarBody>
        </MessageBar>
      )}
      {result?.ok && (
        <>
          <Subtitle2 as="h2">{strings.pdfResult(result.fileName)}</Subtitle2>
          <div className={styles.counts} role="status" aria-label={strings.pdfSummary}>
            {SEVERITIES.map((s) => (
              <Badge key={s} color={BADGE_COLOR[s]} appearance={result.report.counts[s] > 0 ? "filled" : "outline"}>
                {SEVERITY_NAMES[s]} {result.report.counts[s]}
              </Badge>
            ))}
            <Text>{result.report.valid ? strings.validationPassed : strings.validationFailed}</Text>
          </div>
          <ul className={styles.list}>
            {listed.map((f, i) => (
              <li key={`${f.ruleId}-${i}`} className={styles.item}>
                <Badge className={styles.badge} color={BADGE_COLOR[f.severity]} size="small">
                  {SEVERITY_NAMES[f.severity]}
                </Badge>
                <Text>{findingText(f)}</Text>
              </li>
            ))}
          </ul>
          {result.report.counts.info > 0 && <Text size={200}>{strings.pdfInfosCounted(result.report.counts.info)}</Text>}
          <Subtitle2 as="h3">{strings.pdfAgainstWorkbook}</Subtitle2>
          {"notCompared" in result.comparison ? (
            <Text>{result.comparison.notCompared}</Text>
          ) : result.comparison.differences.length === 0 ? (
            <Text>{strings.pdfSameAsWorkbook}</Text>
          ) : (
            <>
              <Text>{strings.pdfDifferences(result.comparison.differences.length)}</Text>
              <ul className={styles.list} aria-label={strings.pdfAgainstWorkbook}>
                {result.comparison.differences.map((d, i) => (
                  <li key={`${d.kind}-${i}`}>
                    {d.workbook.sheet ? (
                      <Link as="button" onClick={() => void select(d.workbook)} title={strings.selectCell}>
                        [{placeText(d.published) || "—"} ⇄ {placeText(d.workbook)}] {d.message}
                      </Link>
                    ) : (
                      <Text>
                        [{placeText(d.published) || "—"} ⇄ —] {d.message}
                      </Text>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </div>
  );
}
