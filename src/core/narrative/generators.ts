/** The narrative generators a pack can choose by name (TemplatePack.narrative): written for one set's sentence forms each. */
export type NarrativeGenerator = "shanxi" | "shanghai";
