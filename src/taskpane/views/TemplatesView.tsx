import { Button, Checkbox, Field, MessageBar, MessageBarBody, Select, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import { fillPattern } from "../../core/layout/render";
import type { UnitInfo } from "../../core/model";
import { DEFAULT_PACK_ID, addPack, allPacks, findPack } from "../../core/packs";
import { PERFORMANCE_FORM_ID } from "../../core/forms/performance";
import type { InsertReport, InsertRequest } from "../../host/workbook-port";
import { fileText } from "../file-bytes";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { display: "flex", flexDirection: "column" },
  hidden: { display: "none" },
});

/** Problems of a refused pack file shown at most; the rest are counted. */
const SHOWN_PROBLEMS = 8;

export interface TemplatesViewProps {
  strings: Strings;
  unit: UnitInfo | null;
  insertTables: (request: InsertRequest) => Promise<InsertReport>;
  /** 元 → 万元 for the selected cells. */
  convertSelection: () => Promise<number>;
  /** Keeps an imported pack file with the workbook. */
  savePack: (json: string) => Promise<void>;
}

/** 模板: choose a pack and its tables, insert them as worksheets. */
export function TemplatesView({ strings, unit, insertTables, convertSelection, savePack }: TemplatesViewProps) {
  const styles = useStyles();
  const packInput = useRef<HTMLInputElement>(null);
  const [packId, setPackId] = useState(DEFAULT_PACK_ID);
  const pack = findPack(packId)!;
  const choices = (p: typeof pack) => [...p.tables.map((t) => t.id), ...(p.performanceForm ? [PERFORMANCE_FORM_ID] : [])];
  const [selected, setSelected] = useState<Set<string>>(() => new Set(choices(pack)));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ intent: "success" | "error" | "warning"; lines: string[] } | null>(null);
  const allSelected = selected.size === choices(pack).length;
  const year = unit?.year ?? new Date().getFullYear();
  const titles = useMemo(() => new Map(pack.tables.map((t) => [t.id, fillPattern(t.title, { year, name: unit?.name ?? "" })])), [pack, year, unit]);

  function choosePack(id: string) {
    setPackId(id);
    setSelected(new Set(choices(findPack(id)!)));
  }

  /** 导入模板包…: checked like the command line's --pack-file, then chosen and kept with the workbook. */
  async function importPack(file: File | undefined) {
    if (!file) return;
    const { readPackText } = await import(/* webpackChunkName: "pack-file" */ "../../core/packs/pack-file");
    const reading = readPackText(await fileText(file));
    if (!reading.ok) {
      const more = reading.issues.length > SHOWN_PROBLEMS ? [`……（另有 ${reading.issues.length - SHOWN_PROBLEMS} 处）`] : [];
      return setResult({ intent: "error", lines: [strings.packRefused(file.name, reading.issues.length), ...reading.issues.slice(0, SHOWN_PROBLEMS).map((i) => `${i.path}：${i.message}`), ...more] });
    }
    const added = addPack(reading.pack);
    if (!added.ok) return setResult({ intent: "error", lines: [added.message] });
    try {
      await savePack(JSON.stringify(reading.pack));
    } catch (error) {
      return setResult({ intent: "error", lines: [strings.errorPrefix + (error as Error).message] });
    }
    choosePack(reading.pack.id);
    setResult({ intent: "success", lines: [strings.packImported(reading.pack.name, reading.pack.tables.length)] });
  }

  function toggle(id: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  }

  async function insert() {
    if (!unit) return setResult({ intent: "warning", lines: [strings.unitInfoMissing] });
    if (selected.size === 0) return setResult({ intent: "warning", lines: [strings.nothingSelected] });
    setBusy(true);
    setResult(null);
    try {
      const report = await insertTables({ packId, unit, tableIds: choices(pack).filter((id) => selected.has(id)) });
      setResult({ intent: "success", lines: [strings.insertedCount(report.inserted.length), ...report.renamed.map((r) => strings.renamedNote(r.wanted, r.actual)), ...(report.notApplied?.length ? [strings.notAppliedNote(report.notApplied)] : [])] });
    } catch (error) {
      setResult({ intent: "error", lines: [strings.errorPrefix + (error as Error).message] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.view}>
      {!unit && (
        <MessageBar intent="info">
          <MessageBarBody>{strings.unitInfoMissing}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={strings.pack}>
        <Select value={packId} onChange={(_, d) => choosePack(d.value)}>
          {allPacks().map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field hint={strings.importPackHint}>
        <Button onClick={() => packInput.current?.click()}>{strings.importPack}</Button>
      </Field>
      <input ref={packInput} className={styles.hidden} type="file" accept=".json,application/json" aria-label={strings.importPack} onChange={(e) => void importPack(e.target.files?.[0])} />
      <fieldset className={styles.list} aria-label={strings.tables}>
        <legend>{strings.tables}</legend>
        <Checkbox
          label={strings.selectAll}
          checked={allSelected ? true : selected.size === 0 ? false : "mixed"}
          onChange={(_, d) => setSelected(d.checked === true ? new Set(choices(pack)) : new Set())}
        />
        {pack.tables.map((t) => (
          <Checkbox key={t.id} label={`${t.sheetName.split(" ")[0]} ${titles.get(t.id)}`} checked={selected.has(t.id)} onChange={(_, d) => toggle(t.id, d.checked === true)} />
        ))}
        {pack.performanceForm && (
          <Checkbox label={strings.performanceForm} checked={selected.has(PERFORMANCE_FORM_ID)} onChange={(_, d) => toggle(PERFORMANCE_FORM_ID, d.checked === true)} />
        )}
      </fieldset>
      <Button appearance="primary" disabled={busy} onClick={() => void insert()}>
        {busy ? strings.inserting : strings.insert}
      </Button>
      {busy && <Spinner size="tiny" label={strings.inserting} />}
      {unit?.amountUnit === "元" && (
        <Field hint={strings.convertHint}>
          <Button
            onClick={() =>
              void convertSelection().then(
                (n) => setResult({ intent: "success", lines: [strings.converted(n)] }),
                (e: Error) => setResult({ intent: "error", lines: [strings.errorPrefix + e.message] }),
              )
            }
          >
            {strings.convertToWan}
          </Button>
        </Field>
      )}
      {result && (
        <MessageBar intent={result.intent} role="status">
          <MessageBarBody>
            {result.lines.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
