/**
 * What the start-up feature check (wps/feature-check.js, plain ES5, run before the bundles) found missing in
 * this browser engine. It leaves its list on the page; a page it did not run on (a test page) has none.
 */
export const MISSING_FEATURES_GLOBAL = "YS_MISSING_FEATURES";

export function missingFeatures(scope: unknown): string[] {
  const list = scope && typeof scope === "object" ? (scope as Record<string, unknown>)[MISSING_FEATURES_GLOBAL] : undefined;
  return Array.isArray(list) ? list.map(String) : [];
}

/** Whether the start-up check ran on this page at all. */
export const featureCheckRan = (scope: unknown): boolean => Boolean(scope && typeof scope === "object" && Array.isArray((scope as Record<string, unknown>)[MISSING_FEATURES_GLOBAL]));
