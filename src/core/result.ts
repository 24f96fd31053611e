/**
 * Failures the custom functions (and other faces) turn into their own error
 * form: a spreadsheet error kind plus a Chinese message the user can act on.
 */
export type FailureKind = "value" | "div0" | "na" | "num";

export interface Failure {
  failure: FailureKind;
  message: string;
}

export type Outcome<T> = { ok: true; value: T } | ({ ok: false } & Failure);

export function fail(failure: FailureKind, message: string): { ok: false } & Failure {
  return { ok: false, failure, message };
}

export function succeed<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}
