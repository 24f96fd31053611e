import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { UnitInfo } from "../../core/model";
import type { TemplatePack } from "../../core/packs/types";
import type { Paragraph } from "../../core/narrative/generate";
import { generatePackNarrative, narrativeWritesItems } from "../../core/narrative/plan";
import type { NarrativeFacts } from "../../core/narrative/facts";
import { narrativeItems, type NarrativeItem } from "../../core/narrative/items";
import { NARRATIVE_SHEET_NAME, renderNarrativeSheets } from "../../core/narrative/layout";
import type { WorkbookPort } from "../../host/workbook-port";
import type { ValidationReport } from "../../core/validation/types";
import { printPlan } from "../../core/print-plan";
import { runValidation } from "../run-validation";
import { emptyForm, factsFromForm, formFromFacts, formWithPrior, hiddenPrior, itemFacts, itemRowsFromFacts, type FactField, type FactForm, type ItemRows } from "../narrative-form";
import { importLastYear, type PriorYear } from "../last-year";
import { ItemsGrid } from "./ItemsGrid";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // As the sheet prints: each heading on its own line, paragraphs apart and indented two characters.
  heading: { display: "block", margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}` },
  paragraph: { display: "block", margin: `0 0 ${tokens.spacingVerticalS}`, textIndent: "2em" },
  preview: { maxHeight: "320px", overflowY: "auto", border: `1px solid ${tokens.colorNeutralStroke1}`, padding: tokens.spacingHorizontalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  hidden: { display: "none" },
});

export interface NarrativeViewProps {
  strings: Strings;
  port: WorkbookPort;
  unit: UnitInfo | null;
  /** Changes when the ribbon's 定稿 asks for the finalize confirmation. */
  finalizeToken: number;
}

/** 定稿 asks once with the validation's counts, and a second time when errors remain. */
type Confirm = { kind: "replace"; sheets: string[]; generated: boolean } | { kind: "finalize"; counts: ValidationReport["counts"] | null; second: boolean } | null;

/** 说明: the facts the tables do not hold, 生成 (preview), 写入 the 情况说明 sheet, and 定稿. */
export default function NarrativeView({ strings, port, unit, finalizeToken }: NarrativeViewProps) {
  const styles = useStyles();
  const year = unit?.year ?? new Date().getFullYear();
  const [form, setForm] = useState<FactForm>(() => emptyForm(year));
  const [preview, setPreview] = useState<Paragraph[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: "success" | "error" | "warning"; text: string } | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);

  /** The facts kept with the workbook (undefined until read): the form and the items start from them. */
  const [savedFacts, setSavedFacts] = useState<NarrativeFacts | null | undefined>(undefined);
  useEffect(() => {
    port.loadFacts().then(
      (facts) => {
        if (facts) setForm(formFromFacts(facts, year));
        setExtraPrior(hiddenPrior(facts?.priorYear));
        setSavedFacts(facts);
      },
      () => setSavedFacts(null),
    );
  }, [port, year]);
  // 财政拨款支出主要内容, where the pack's text lists it: one row per 项 of the tables as read.
  const [items, setItems] = useState<NarrativeItem[]>([]);
  const [itemRows, setItemRows] = useState<ItemRows>({});
  /** Prior-year figures the text compares with that have no field (imported, or kept from before). */
  const [extraPrior, setExtraPrior] = useState<PriorYear>({});
  const [pack, setPack] = useState<TemplatePack | null>(null);
  const lastYearInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    port.readTables({}).then((reading) => {
      if (reading.pack) setPack(reading.pack);
      if (reading.pack && reading.disclosure && narrativeWritesItems(reading.pack)) setItems(narrativeItems(reading.pack, reading.disclosure));
    }, () => undefined);
  }, [port]);
  // Each item's row once both the items and the kept facts are known; rows she has already edited stay.
  useEffect(() => {
    if (savedFacts === undefined || items.length === 0) return;
    const initial = itemRowsFromFacts(items, savedFacts);
    setItemRows((rows) => ({ ...initial, ...rows }));
  }, [items, savedFacts]);
  // The fields follow the pack of the workbook's tables (Shanghai's 编制说明 asks for other facts than Shanxi's 情况说明),
  // and every label names the sheet the pack's text goes to (情况说明, 单位编制说明).
  const shanghai = pack?.narrative === "shanghai";
  const sheetName = pack?.narrativeSheetName ?? NARRATIVE_SHEET_NAME;
  // 定稿 first validates, so that the accountant sees what is still open before the formulas become values.
  const askFinalize = () =>
    run(async () => {
      const { report } = await runValidation(port, unit);
      setConfirm({ kind: "finalize", counts: report.counts, second: false });
    });
  useEffect(() => {
    if (finalizeToken > 0) void askFinalize();
  }, [finalizeToken]);

  const field = (name: FactField, label: string, multiline = false) => (
    <Field label={label}>
      {multiline ? (
        <Textarea value={form[name]} onChange={(_, d) => setForm({ ...form, [name]: d.value })} resize="vertical" />
      ) : (
        <Input value={form[name]} onChange={(_, d) => setForm({ ...form, [name]: d.value })} />
      )}
    </Field>
  );

  async function generate(): Promise<{ paragraphs: Paragraph[]; pack: TemplatePack } | null> {
    if (!unit) {
      setMessage({ intent: "warning", text: strings.unitInfoMissing });
      return null;
    }
    const reading = await port.readTables({ type: unit.type, department: unit.department });
    if (!reading.disclosure || !reading.pack) {
      setMessage({ intent: "error", text: reading.problems.map((p) => p.message).join("；") });
      return null;
    }
    if (!reading.pack.narrative) {
      setMessage({ intent: "warning", text: strings.narrativeNotForPack(reading.pack.name) });
      return null;
    }
    const typed = factsFromForm(form);
    const facts = { ...typed, priorYear: { ...typed.priorYear, ...extraPrior }, ...(narrativeWritesItems(reading.pack) ? itemFacts(itemRows) : {}) };
    await port.saveFacts(facts);
    const paragraphs = generatePackNarrative(reading.pack, { ...reading.disclosure, unit }, facts);
    setPreview(paragraphs);
    return { paragraphs, pack: reading.pack };
  }

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setMessage(null);
    try {
      await action();
    } catch (e) {
      setMessage({ intent: "error", text: strings.errorPrefix + (e as Error).message });
    } finally {
      setBusy(false);
    }
  }

  /** 从上年公开文件导入: the prior-year figures from last year's disclosure of the same set. */
  const pickLastYear = (file: File | undefined) =>
    run(async () => {
      if (!file) return;
      if (!pack) return setMessage({ intent: "warning", text: strings.lastYearNoTables });
      const result = await importLastYear(file, pack, year);
      if (!result.ok) return setMessage({ intent: "error", text: result.message });
      const { form: next, filled } = formWithPrior(form, result.prior);
      setForm(next);
      setExtraPrior(hiddenPrior(result.prior));
      setMessage({ intent: "success", text: strings.lastYearImported(file.name, result.year, filled.length, items.length > 0) });
    });

  const write = (replace: boolean) =>
    run(async () => {
      const generated = await generate();
      if (!generated || !unit) return;
      // One sheet, or each part on the sheet where the set's template prints it; a sheet already there is replaced only once confirmed.
      const written: string[] = [];
      const existing: { sheet: string; generated: boolean }[] = [];
      for (const layout of renderNarrativeSheets(generated.pack, unit, generated.paragraphs)) {
        const result = await port.writeNarrative(layout, replace);
        if ("existing" in result) existing.push({ sheet: result.existing, generated: result.generated });
        else written.push(result.written);
      }
      if (existing.length > 0) setConfirm({ kind: "replace", sheets: existing.map((e) => e.sheet), generated: existing.every((e) => e.generated) });
      else setMessage({ intent: "success", text: strings.narrativeWritten(written) });
    });

  const finalize = () =>
    run(async () => {
      const result = await port.finalize();
      // Each table then prints as published: one page wide, its header on every page.
      const printed = await port.setUpPrinting(printPlan(await port.readTables({})));
      setMessage({ intent: "success", text: `${strings.finalized(result.cells)}${printed.length > 0 ? strings.printingSet(printed.length) : ""}` });
    });

  return (
    <div className={styles.view}>
      <Text as="p">{shanghai ? strings.narrativeIntroShanghai : strings.narrativeIntro}</Text>
      <Accordion multiple collapsible defaultOpenItems={["items", "prior"]}>
        {items.length > 0 && (
          <AccordionItem value="items">
            <AccordionHeader>{strings.factsItems(items.length)}</AccordionHeader>
            <AccordionPanel className={styles.panel}>
              <ItemsGrid strings={strings} year={year} items={items} rows={itemRows} onChange={(code, row) => setItemRows((rows) => ({ ...rows, [code]: row }))} />
            </AccordionPanel>
          </AccordionItem>
        )}
        <AccordionItem value="prior">
          <AccordionHeader>{strings.factsPrior}</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <Field hint={strings.importLastYearHint}>
              <Button disabled={busy} onClick={() => lastYearInput.current?.click()}>
                {strings.importLastYear}
              </Button>
            </Field>
            <input
              ref={lastYearInput}
              className={styles.hidden}
              type="file"
              accept=".xlsx,.xls,.ods,.pdf"
              aria-label={strings.importLastYear}
              onChange={(e) => {
                void pickLastYear(e.target.files?.[0]);
                e.target.value = "";
              }}
            />
            {shanghai ? (
              <>
                {field("priorAppropriation", strings.priorAppropriation)}
                {field("reasonAppropriation", strings.reasonAppropriation, true)}
              </>
            ) : (
              <>
                {field("priorTotal", strings.priorTotal)}
                {field("priorGeneral", strings.priorGeneral)}
                {field("reasonIncome", strings.reasonIncome, true)}
                {field("reasonExpenditure", strings.reasonExpenditure, true)}
              </>
            )}
            {field("priorThreePublic", strings.priorThreePublic)}
            {field("reasonThreePublic", strings.reasonThreePublic, true)}
            {field("priorOfficeCosts", strings.priorOfficeCosts)}
            {!shanghai && field("reasonOfficeCosts", strings.reasonOfficeCosts, true)}
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="procurement">
          <AccordionHeader>{strings.factsProcurement}</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            {field("goods", strings.goods)}
            {field("works", strings.works)}
            {field("services", strings.services)}
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="performance">
          <AccordionHeader>{strings.factsPerformance}</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            {shanghai ? (
              <>
                {field("projectsCount", strings.projectsCount)}
                {field("projectsAmount", strings.projectsAmount)}
              </>
            ) : (
              <>
                {field("overallTarget", strings.overallTarget, true)}
                {field("operatingCount", strings.operatingCount)}
                {field("operatingAmount", strings.operatingAmount)}
                {field("specificCount", strings.specificCount)}
                {field("specificAmount", strings.specificAmount)}
              </>
            )}
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="assets">
          <AccordionHeader>{strings.factsAssets}</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            {/* The Shanghai text states vehicles held and equipment over 100万元 as at the prior year's end, nothing else here. */}
            {!shanghai && field("assetsAsOf", strings.assetsAsOf)}
            {!shanghai && field("vehicleQuota", strings.vehicleQuota)}
            {field("vehicleActual", strings.vehicleActual)}
            {!shanghai && field("officeArea", strings.officeArea)}
            {!shanghai && field("equipmentOver50", strings.equipmentOver50)}
            {field("equipmentOver100", strings.equipmentOver100)}
          </AccordionPanel>
        </AccordionItem>
        {!shanghai && (
          <AccordionItem value="other">
            <AccordionHeader>{strings.factsOther}</AccordionHeader>
            <AccordionPanel className={styles.panel}>
              {field("governmentPurchase", strings.governmentPurchase, true)}
              {field("other", strings.other, true)}
            </AccordionPanel>
          </AccordionItem>
        )}
      </Accordion>
      <div className={styles.actions}>
        <Button disabled={busy} onClick={() => void run(async () => void (await generate()))}>
          {strings.previewNarrative}
        </Button>
        <Button appearance="primary" disabled={busy} onClick={() => void write(false)}>
          {strings.writeNarrative(sheetName)}
        </Button>
        <Button disabled={busy} onClick={() => void askFinalize()}>
          {strings.finalize}
        </Button>
      </div>
      {busy && <Spinner size="tiny" label={strings.working} />}
      {message && (
        <MessageBar intent={message.intent} role="status">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {preview && (
        // Scrolls on its own: focusable, so that the keyboard can scroll it.
        <section className={styles.preview} aria-label={strings.previewNarrative} tabIndex={0}>
          {preview.map((p, i) => (
            <Text as="p" block key={i} className={p.kind === "paragraph" ? styles.paragraph : styles.heading} weight={p.kind === "paragraph" ? "regular" : "semibold"}>
              {p.text}
            </Text>
          ))}
        </section>
      )}
      <Dialog open={confirm !== null} onOpenChange={(_, d) => !d.open && setConfirm(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{confirm?.kind === "finalize" ? strings.finalize : strings.replaceTitle}</DialogTitle>
            <DialogContent>
              {confirm?.kind === "finalize" ? (
                <>
                  {confirm.counts && (
                    <Text as="p" block weight={confirm.counts.error > 0 ? "semibold" : "regular"}>
                      {confirm.second ? strings.finalizeWithErrors(confirm.counts.error) : strings.finalizeCounts(confirm.counts.error, confirm.counts.warning)}
                    </Text>
                  )}
                  {!confirm.second && <Text as="p">{strings.finalizeConfirm}</Text>}
                </>
              ) : confirm ? (
                confirm.generated ? strings.replaceConfirm(confirm.sheets) : strings.replaceTemplateSheet(confirm.sheets)
              ) : (
                ""
              )}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  const current = confirm;
                  // Errors remain: a second, explicit confirmation before the formulas become values.
                  if (current?.kind === "finalize" && !current.second && (current.counts?.error ?? 0) > 0) return setConfirm({ ...current, second: true });
                  setConfirm(null);
                  if (current?.kind === "finalize") void finalize();
                  else void write(true);
                }}
              >
                {confirm?.kind === "finalize" && confirm.second ? strings.finalizeAnyway : strings.confirm}
              </Button>
              <Button onClick={() => setConfirm(null)}>{strings.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
