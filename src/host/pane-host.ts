/**
 * What the pane can ask of the host it runs in, beyond the workbook: the self-test (自检) and hiding a docked
 * pane. Only WPS gives one today; the pane shows these buttons only where it is given.
 */
import type { SelfTestLine } from "./self-test";

export interface PaneHost {
  /** The heading of the copied result ("WPS 表格自检"). */
  selfTestTitle: string;
  selfTest(): Promise<SelfTestLine[]>;
  /** Hides the pane (WPS: a docked pane open makes the ribbon ignore clicks); false where it could not. */
  hide(): boolean;
}
