/** The rule catalogue (校验规则目录): one entry per rule, documented in docs/rules.md. */
import { emptyNoteRule, missingColumnRule, missingTableRule, officeCostsRule, performanceFundsRule, readingNotesRule, titleRule, unitNameRule, unreadableCellRule } from "./rules-form";
import { duplicateCodeRule, fixedSumRule, itemsTotalRule, negativeAmountRule, parentMissingRule, rowSumRule, subjectHierarchyRule } from "./rules-identities";
import { NARRATIVE_RULES } from "./rules-narrative";
import { nameConflictRule, subjectListRule } from "./rules-subjects";
import { tiesRule } from "./rules-ties";
import type { Rule } from "./types";

export const RULES: readonly Rule[] = [
  unreadableCellRule,
  readingNotesRule,
  missingTableRule,
  missingColumnRule,
  titleRule,
  unitNameRule,
  emptyNoteRule,
  rowSumRule,
  fixedSumRule,
  subjectHierarchyRule,
  itemsTotalRule,
  parentMissingRule,
  duplicateCodeRule,
  nameConflictRule,
  subjectListRule,
  tiesRule,
  officeCostsRule,
  performanceFundsRule,
  negativeAmountRule,
  ...NARRATIVE_RULES,
];
