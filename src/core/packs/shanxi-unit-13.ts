/** 山西省 单位预算公开 13 张表: the data is packs/shanxi-unit-13.json. */
import data from "../../../packs/shanxi-unit-13.json";
import type { TemplatePack } from "./types";

export const SHANXI_UNIT_13 = data as unknown as TemplatePack;
