// A minimal runner for the Node checks: each check runs in order, and the last line is "N passed, N failed"
// (the summary CI reads); the exit code is non-zero when any failed.
import { strict as assert } from "node:assert";

type Check = { name: string; run: () => Promise<void> };

const checks: Check[] = [];

export function check(name: string, run: () => Promise<void>): void {
  checks.push({ name, run });
}

export async function runChecks(): Promise<void> {
  let passed = 0;
  let failed = 0;
  for (const { name, run } of checks) {
    try {
      await run();
      passed++;
      console.log(`ok - ${name}`);
    } catch (error) {
      failed++;
      console.log(`not ok - ${name}\n  ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}

/** The server under test: the build passes its URL; only a server on this machine is accepted. */
export function serverUrl(): string {
  const url = new URL(process.env.FILESHARE_URL ?? "http://localhost:9181");
  assert.ok(["localhost", "127.0.0.1"].includes(url.hostname), `only a local server is tested, not ${url}`);
  return url.origin;
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
