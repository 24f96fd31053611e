/**
 * Which task pane view is shown. The ribbon commands and the task pane run in one
 * shared runtime, so a command can ask for a view before or after the pane opens.
 */
export type View = "templates" | "validation" | "narrative" | "unitInfo";

type Listener = (view: View) => void;
const listeners = new Set<Listener>();
let requested: View = "templates";

export function requestView(view: View): void {
  requested = view;
  for (const listener of listeners) listener(view);
}

export function currentView(): View {
  return requested;
}

export function onViewRequested(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
