import { Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { itemChange, itemChangeLabel, type NarrativeItem } from "../../core/narrative/items";
import { wanFixed } from "../../core/narrative/format";
import { typedPrior, type ItemRow, type ItemRows } from "../narrative-form";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  figures: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  prior: { flexBasis: "55%" },
});

export interface ItemsGridProps {
  strings: Strings;
  year: number;
  items: readonly NarrativeItem[];
  rows: ItemRows;
  onChange(code: string, row: ItemRow): void;
}

/**
 * 财政拨款支出主要内容, one row per 项 as the tables hold it: the subject and amount as read, 主要用于 prefilled from the
 * subject's name, the prior year's 预算执行数 she types (it comes from the 决算), the change computed as the checks
 * compute it, and the reason where the figure moved.
 */
export function ItemsGrid({ strings, year, items, rows, onChange }: ItemsGridProps) {
  const styles = useStyles();
  return (
    <>
      <Text size={200}>{strings.itemsHint}</Text>
      <ol className={styles.list} aria-label={strings.factsItems(items.length)}>
        {items.map((item, i) => {
          const row = rows[item.code] ?? { purpose: "", prior: "", reason: "" };
          const change = itemChange(item.amount, typedPrior(row));
          const set = (patch: Partial<ItemRow>) => onChange(item.code, { ...row, ...patch });
          return (
            <li key={item.code} className={styles.item}>
              <Text weight="semibold">{`${i + 1}. ${item.name}（项） ${wanFixed(item.amount)}万元`}</Text>
              <Text size={200}>{`${item.code} ${item.className} › ${item.categoryName}`}</Text>
              <Field label={strings.itemPurpose}>
                <Input value={row.purpose} onChange={(_, d) => set({ purpose: d.value })} aria-label={`${item.name} ${strings.itemPurpose}`} />
              </Field>
              <div className={styles.figures}>
                <Field label={strings.itemPrior(year - 1)} className={styles.prior}>
                  <Input value={row.prior} inputMode="decimal" onChange={(_, d) => set({ prior: d.value })} aria-label={`${item.name} ${strings.itemPrior(year - 1)}`} />
                </Field>
                {change && <Text>{`${strings.itemChange} ${itemChangeLabel(change)}`}</Text>}
              </div>
              {change && change.kind !== "same" && (
                <Field label={strings.itemReason}>
                  <Input value={row.reason} onChange={(_, d) => set({ reason: d.value })} aria-label={`${item.name} ${strings.itemReason}`} />
                </Field>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
