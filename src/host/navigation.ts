/**
 * Which task pane view is shown (host level: the ribbon of either host and the pane meet here). The ribbon commands and the task pane run in one
 * shared runtime, so a command can ask for a view (and for validation to run)
 * before or after the pane opens.
 */
/** selfTest (自检) is not a tab: the pane's 自检 button and the ribbon open it. */
export type View = "templates" | "validation" | "narrative" | "unitInfo" | "selfTest";

export interface ViewRequest {
  view: View;
  /** Increases each time a command asks the view for its action (校验: run validation; 说明: the 定稿 confirmation). */
  actionToken: number;
}

type Listener = (request: ViewRequest) => void;
const listeners = new Set<Listener>();
let current: ViewRequest = { view: "templates", actionToken: 0 };

export function requestView(view: View, options: { run?: boolean } = {}): void {
  current = { view, actionToken: current.actionToken + (options.run ? 1 : 0) };
  for (const listener of listeners) listener(current);
}

export function currentRequest(): ViewRequest {
  return current;
}

export function onViewRequested(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
