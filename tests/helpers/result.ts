// Assertions on the engine's results (`{ ok: true, value } | { ok: false, code, message }`), so a test
// fails on the result it did not expect instead of comparing `false` with what it meant to check.
import { expect } from "vitest";
import type { Refusal, RefusalCode, Result } from "../../engine/index.js";

/** The value of an ok result; fails the test with the refusal's code and message otherwise. */
export function expectOk<T>(result: Result<T> | undefined): T {
  if (!result) return expect.fail("expected an ok result, got undefined");
  if (!result.ok)
    return expect.fail(`expected an ok result, got the refusal ${result.code}: ${result.message}`);
  return result.value;
}

/** The refusal; fails the test unless the result is a refusal with `code`. */
export function expectRefusal<T>(result: Result<T> | undefined, code: RefusalCode): Refusal {
  expect(result).toMatchObject({ ok: false, code });
  return result as Refusal;
}
