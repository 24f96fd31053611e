/** 上海市 区级单位预算公开 9 张表: the data is packs/shanghai-unit-9.json. */
import data from "../../../packs/shanghai-unit-9.json";
import type { TemplatePack } from "./types";

export const SHANGHAI_UNIT_9 = data as unknown as TemplatePack;
