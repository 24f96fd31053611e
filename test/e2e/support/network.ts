/**
 * What the task pane's page asks of the network, sorted by who asked.
 *
 * Outside a real Office host, office.js may open its own telemetry frame
 * (telemetryservice.firstpartyapps.oaspapps.com), depending on timing. That frame is
 * Office.js's, not ours: it is a sub-frame navigation to one of Office's own hosts.
 * Every other request that leaves this machine was caused by our page or our code.
 * All requests leaving the machine are aborted either way; nothing is sent.
 */

/** Hosts whose frames office.js opens by itself (the Office add-in runtime's own pages). */
export const OFFICE_HOST_FRAME_HOSTS: readonly RegExp[] = [/(^|\.)oaspapps\.com$/, /^appsforoffice\.microsoft\.com$/, /(^|\.)officeapps\.live\.com$/];

export interface SeenRequest {
  url: string;
  /** A navigation request (a document load), as opposed to a fetch, script, image … */
  navigation: boolean;
  /** Made by the page's main frame (our page) rather than by a frame inside it. */
  mainFrame: boolean;
  postData: string | null;
}

export type RequestOrigin = "local" | "officeHostFrame" | "ours";

export function classifyRequest(request: SeenRequest): RequestOrigin {
  const url = new URL(request.url);
  if (url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.protocol === "data:" || url.protocol === "blob:") return "local";
  const officeFrame = request.navigation && !request.mainFrame && OFFICE_HOST_FRAME_HOSTS.some((host) => host.test(url.hostname));
  return officeFrame ? "officeHostFrame" : "ours";
}

/** Requests whose address or body carries any of `secrets` (workbook content), whoever made them. */
export function requestsCarrying(requests: readonly SeenRequest[], secrets: readonly string[]): string[] {
  const decoded = (text: string): string => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  return requests
    .filter((r) => secrets.some((s) => decoded(r.url).includes(s) || (r.postData !== null && (r.postData.includes(s) || decoded(r.postData).includes(s)))))
    .map((r) => r.url);
}
