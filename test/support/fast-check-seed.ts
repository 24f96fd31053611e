/**
 * Property tests run the same cases on every run (a test that passes once and fails the next is a
 * defect). Explore other cases locally with FC_SEED=<number> npm test; a failing seed becomes a fixed case.
 */
import fc from "fast-check";

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261128) });
