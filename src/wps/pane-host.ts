/** The WPS pane's host actions: the self-test and 隐藏 (the ribbon ignores clicks while a docked pane is open). */
import type { PaneHost } from "../host/pane-host";
import { settle } from "./access";
import type { WpsApplication } from "./host";
import { storedPane } from "./ribbon";
import { runWpsSelfTest, type SelfTestPage } from "./self-test";

export function wpsPaneHost(app: WpsApplication, page: SelfTestPage): PaneHost {
  return {
    selfTestTitle: "预算公开助手 WPS 表格自检",
    selfTest: () => settle(() => runWpsSelfTest(app, page)),
    hide: () => {
      const pane = storedPane(app);
      if (!pane) return false;
      try {
        pane.Visible = false;
        return true;
      } catch {
        return false;
      }
    },
  };
}
