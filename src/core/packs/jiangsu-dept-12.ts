/** 江苏省 省级部门预算公开 12 张表: the data is packs/jiangsu-dept-12.json. */
import data from "../../../packs/jiangsu-dept-12.json";
import type { TemplatePack } from "./types";

export const JIANGSU_DEPT_12 = data as unknown as TemplatePack;
