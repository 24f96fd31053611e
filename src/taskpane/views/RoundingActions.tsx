import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { adjustRounding, residualCells } from "../../core/rounding/adjust";
import { plainDecimal } from "../../core/fixed";
import { roundingChanges, type RoundingChange } from "../../core/rounding/changes";
import type { WorkbookReading } from "../../core/read-workbook";
import type { WorkbookPort } from "../../host/workbook-port";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  list: { maxHeight: "240px", overflowY: "auto", margin: 0, paddingLeft: tokens.spacingHorizontalL, fontVariantNumeric: "tabular-nums" },
});

/** Changes listed in the dialog; the rest are counted. */
const LISTED = 200;

export interface RoundingActionsProps {
  strings: Strings;
  port: WorkbookPort;
  /** The workbook as last read for validation. */
  reading: WorkbookReading | null;
  busy: boolean;
  /** After writing: validate again and show a note. */
  onDone(note: string): void;
  onError(message: string): void;
}

/** 调整尾差 (with the list of cells for confirmation) and 恢复精确值. */
export default function RoundingActions({ strings, port, reading, busy, onDone, onError }: RoundingActionsProps) {
  const styles = useStyles();
  const [pending, setPending] = useState<{ changes: RoundingChange[]; residuals: string[] } | null>(null);

  function propose() {
    if (!reading?.pack || !reading.disclosure) return;
    const adjustment = adjustRounding(reading.pack, reading.disclosure);
    const changes = roundingChanges(reading, adjustment);
    if (changes.length === 0) return onDone(strings.roundingNone);
    setPending({ changes, residuals: adjustment.residuals.map((r) => `${r.description}：${residualCells(r).join("、")}`) });
  }

  async function apply() {
    const changes = pending?.changes ?? [];
    setPending(null);
    try {
      const { written, skipped } = await port.applyRounding(changes);
      onDone(strings.roundingDone(written, skipped));
    } catch (e) {
      onError((e as Error).message);
    }
  }

  async function restore() {
    try {
      const restored = await port.restoreExactValues();
      onDone(restored > 0 ? strings.exactRestored(restored) : strings.noExactCopy);
    } catch (e) {
      onError((e as Error).message);
    }
  }

  return (
    <>
      <div className={styles.actions}>
        <Button disabled={busy || !reading?.disclosure} onClick={propose}>
          {strings.roundingAdjust}
        </Button>
        <Button disabled={busy} onClick={() => void restore()}>
          {strings.restoreExact}
        </Button>
      </div>
      <Dialog open={pending !== null} onOpenChange={(_, d) => !d.open && setPending(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{strings.roundingAdjust.replace(/…$/, "")}</DialogTitle>
            <DialogContent>
              <Text as="p" block>
                {strings.roundingConfirm(pending?.changes.length ?? 0)}
              </Text>
              <ul className={styles.list} aria-label={strings.roundingList}>
                {(pending?.changes ?? []).slice(0, LISTED).map((c) => (
                  <li key={`${c.sheetName}!${c.cell}`}>{`${c.sheetName}!${c.cell}：${plainDecimal(c.exact)} → ${c.after.toFixed(2)}`}</li>
                ))}
              </ul>
              {(pending?.changes.length ?? 0) > LISTED && <Text block>{strings.roundingMore((pending?.changes.length ?? 0) - LISTED)}</Text>}
              {(pending?.residuals ?? []).map((r) => (
                <Text block key={r}>
                  {strings.roundingResidual(r)}
                </Text>
              ))}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void apply()}>
                {strings.roundingApply}
              </Button>
              <Button onClick={() => setPending(null)}>{strings.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
