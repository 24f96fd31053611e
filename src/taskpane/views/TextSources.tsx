import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Field, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useRef } from "react";
import { decodeText, htmlBlocks } from "../../core/narrative/find-text";
import { readCompleteSubjectCsv } from "../../core/subjects/subject-list";
import type { WorkbookPort } from "../../host/workbook-port";
import type { PastedNarrative } from "../run-validation";
import { fileBytes } from "../file-bytes";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  hidden: { display: "none" },
});

/** A Word or text file read in the browser (nothing leaves the computer): its paragraphs in order. */
async function paragraphsOf(file: File): Promise<string[]> {
  const bytes = await fileBytes(file);
  if (/\.txt$/i.test(file.name)) return decodeText(bytes).split(/\r?\n/);
  const mammoth = (await import("mammoth")).default;
  const { value } = await mammoth.convertToHtml({ arrayBuffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
  return htmlBlocks(value);
}

export interface TextSourcesProps {
  strings: Strings;
  port: WorkbookPort;
  narrative: PastedNarrative | null;
  onNarrative(narrative: PastedNarrative | null): void;
  onNote(text: string): void;
  onError(text: string): void;
}

/** 说明文本 pasted or picked (.docx, .txt) for checking, and a year's complete 科目表 kept with the workbook. */
export default function TextSources({ strings, port, narrative, onNarrative, onNote, onError }: TextSourcesProps) {
  const styles = useStyles();
  const documentInput = useRef<HTMLInputElement>(null);
  const subjectsInput = useRef<HTMLInputElement>(null);

  async function pickDocument(file: File | undefined) {
    if (!file) return;
    try {
      onNarrative({ name: file.name, paragraphs: await paragraphsOf(file) });
    } catch (e) {
      onError(strings.documentUnreadable(file.name, (e as Error).message));
    }
  }

  async function pickSubjects(file: File | undefined) {
    if (!file) return;
    // UTF-8, or GBK as Excel saves a CSV on Chinese Windows.
    const text = decodeText(await fileBytes(file));
    if (!readCompleteSubjectCsv(text)) return onError(strings.subjectsInvalid(file.name));
    await port.saveSubjects(text);
    onNote(strings.subjectsLoaded(file.name));
  }

  return (
    <Accordion collapsible>
      <AccordionItem value="sources">
        <AccordionHeader>{strings.textSources}</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <Field label={strings.pasteNarrative} hint={strings.pasteNarrativeHint}>
            <Textarea resize="vertical" value={narrative?.paragraphs.join("\n") ?? ""} onChange={(_, d) => onNarrative(d.value.trim() ? { name: strings.pastedNarrativeName, paragraphs: d.value.split(/\r?\n/) } : null)} />
          </Field>
          <div className={styles.actions}>
            <Button onClick={() => documentInput.current?.click()}>{strings.pickDocument}</Button>
            <Button onClick={() => subjectsInput.current?.click()}>{strings.pickSubjects}</Button>
          </div>
          <Text size={200}>{strings.readLocally}</Text>
          <input ref={documentInput} className={styles.hidden} type="file" accept=".docx,.txt" aria-label={strings.pickDocument} onChange={(e) => void pickDocument(e.target.files?.[0])} />
          <input ref={subjectsInput} className={styles.hidden} type="file" accept=".csv" aria-label={strings.pickSubjects} onChange={(e) => void pickSubjects(e.target.files?.[0])} />
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
