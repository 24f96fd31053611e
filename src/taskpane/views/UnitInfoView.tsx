import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { UNIT_TYPES, type UnitInfo, type UnitType } from "../../core/model";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export interface UnitInfoViewProps {
  strings: Strings;
  initial: UnitInfo | null;
  /** The initial values were read from the sheets, not saved by the accountant: she confirms them by saving. */
  prefilled?: boolean;
  onSave: (info: UnitInfo) => Promise<void>;
}

/** 单位信息: entered once, stored with the workbook. */
export function UnitInfoView({ strings, initial, prefilled = false, onSave }: UnitInfoViewProps) {
  const styles = useStyles();
  const [name, setName] = useState(initial?.name ?? "");
  const [year, setYear] = useState(String(initial?.year ?? new Date().getFullYear()));
  const [type, setType] = useState<UnitType>(initial?.type ?? "事业单位");
  const [department, setDepartment] = useState(initial?.department ?? "");
  const [amountUnit, setAmountUnit] = useState<"万元" | "元">(initial?.amountUnit ?? "万元");
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  const yearNumber = Number(year);
  const yearValid = Number.isInteger(yearNumber) && yearNumber >= 2000 && yearNumber <= 2100;

  async function save() {
    if (name.trim() === "") return setMessage({ intent: "error", text: strings.nameRequired });
    if (!yearValid) return setMessage({ intent: "error", text: strings.yearInvalid });
    try {
      await onSave({ name: name.trim(), year: yearNumber, type, department: department.trim(), amountUnit });
      setMessage({ intent: "success", text: strings.saved });
    } catch (error) {
      setMessage({ intent: "error", text: strings.errorPrefix + (error as Error).message });
    }
  }

  return (
    <form className={styles.form} onSubmit={(e) => (e.preventDefault(), void save())}>
      {prefilled && !message && (
        <MessageBar intent="info">
          <MessageBarBody>{strings.unitPrefilled}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={strings.unitName} required>
        <Input value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
      <Field label={strings.year} required validationMessage={yearValid ? undefined : strings.yearInvalid}>
        <Input type="number" value={year} onChange={(_, d) => setYear(d.value)} />
      </Field>
      <Field label={strings.amountUnit}>
        <RadioGroup layout="horizontal" value={amountUnit} onChange={(_, d) => setAmountUnit(d.value as "万元" | "元")}>
          <Radio value="万元" label="万元" />
          <Radio value="元" label="元" />
        </RadioGroup>
      </Field>
      <Field label={strings.unitType}>
        <Select value={type} onChange={(_, d) => setType(d.value as UnitType)}>
          {UNIT_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={strings.department}>
        <Input value={department} onChange={(_, d) => setDepartment(d.value)} />
      </Field>
      <Button appearance="primary" type="submit">
        {strings.save}
      </Button>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
