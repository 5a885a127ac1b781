// A minimal runner for the Node checks: each check runs in order, and the last line is "N passed, N failed"
// (the summary CI reads); the exit code is non-zero when any failed.
import { strict as assert } from "node:assert";
import { createHash } from "node:crypto";

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
  return localOrigin(process.env.FILESHARE_URL ?? "http://localhost:9181");
}

/** A second server on the same stores, which the test that needs it passes as FILESHARE_PEER_URL. */
export function peerServerUrl(): string {
  const peer = process.env.FILESHARE_PEER_URL;
  assert.ok(peer, "FILESHARE_PEER_URL names the second server");
  return localOrigin(peer);
}

function localOrigin(address: string): string {
  const url = new URL(address);
  assert.ok(["localhost", "127.0.0.1"].includes(url.hostname), `only a local server is tested, not ${url}`);
  return url.origin;
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Registers a new user whose name starts with {@code prefix} on the server at {@code base}; its session token. */
export async function signUp(base: string, prefix: string): Promise<string> {
  const username = uniqueName(prefix);
  const credentials = JSON.stringify({ username, password: `pw-${username}` });
  const headers = { "Content-Type": "application/json" };
  const registered = await fetch(`${base}/register`, { method: "POST", headers, body: credentials });
  assert.ok(registered.ok, `register: ${registered.status}`);
  const login = await fetch(`${base}/login`, { method: "POST", headers, body: credentials });
  assert.equal(login.status, 200);
  return ((await login.json()) as { token: string }).token;
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
