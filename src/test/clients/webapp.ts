// The web app at / in a real browser (Debian's Chromium, driven by playwright-core), found only by the accessible
// names a person and a screen reader see: two users, uploads with progress and cancel, sharing and revoking,
// downloads compared byte for byte, leaving a share, deleting, a hostile file name shown as text, a 401 back to
// the login. axe-core checks every screen; screenshots at 360 px and desktop width go to target/webapp-screenshots/.
import { strict as assert } from "node:assert";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { BrowserContext, CDPSession, Page, chromium } from "playwright-core";
import { check, runChecks, serverUrl, uniqueName } from "./checks";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
// tsc writes this script to target/clients-js/src/test/clients/.
const SCREENSHOTS = resolve(__dirname, "../../../../webapp-screenshots");
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const WIDTHS = [360, 1280];
const MiB = 1024 * 1024;

const password = "correct horse battery staple";
const alice = uniqueName("alice");
const bob = uniqueName("bob");
const hostile = "<img src=x onerror=alert(1)>.txt";
const files = {
  notes: { name: "notes.txt", bytes: Buffer.from("Meeting notes: bring the slides.\n") },
  big: { name: "big.bin", bytes: randomBytes(20 * MiB) },
  hostile: { name: hostile, bytes: Buffer.from("not an image\n") },
  cancelled: { name: "cancelled.bin", bytes: randomBytes(16 * MiB) },
};

let context: BrowserContext;
let page: Page;
let cdp: CDPSession;
let workDir: string;
const dialogs: string[] = [];
const policyViolations: string[] = [];
const pageErrors: string[] = [];

function pathOf(file: { name: string; bytes: Buffer }): string {
  const path = join(workDir, "uploads", file.name);
  writeFileSync(path, file.bytes);
  return path;
}

/** axe-core on the page as it is now: no serious or critical violation. */
async function assertAccessible(screen: string): Promise<void> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not apply to.
  if (!(await page.evaluate(() => "axe" in window))) {
    await page.evaluate(AXE_SOURCE);
  }
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: any[] }> } }).axe;
      const results = await axe.run(document);
      return results.violations
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node: any) => node.target.join(" ")).join(", ")}`);
    });
    assert.deepEqual(violations, [], `axe-core on the ${screen} screen at ${width} px`);
    // A modal dialog's backdrop covers the viewport only: its screen is what the viewport shows.
    const fullPage = (await page.getByRole("dialog").count()) === 0;
    await page.screenshot({ path: join(SCREENSHOTS, `${screen}-${width}.png`), fullPage });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function logIn(username: string): Promise<void> {
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in", exact: true }).click();
  await page.getByRole("heading", { name: "Files", exact: true }).waitFor();
}

async function logOut(): Promise<void> {
  await page.getByRole("button", { name: "Log out" }).click();
  await page.getByRole("button", { name: "Log in", exact: true }).waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.length), 0, "the token left sessionStorage");
}

function row(name: string) {
  return page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
}

/** The names in the table's rows, top to bottom. */
async function listedNames(): Promise<string[]> {
  return page.getByRole("rowheader").allTextContents();
}

/** Upload bandwidth for the page; -1 lifts the limit. */
async function throttleUploads(bytesPerSecond: number): Promise<void> {
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
}

check("the app opens at / with the login, and axe-core finds no serious violation", async () => {
  workDir = mkdtempSync(join(tmpdir(), "fileshare-webapp-"));
  mkdirSync(join(workDir, "uploads"));
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  context = await chromium.launchPersistentContext(join(workDir, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run"],
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  // The page may reach the server under test and nothing else.
  await context.route("**/*", (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === "localhost" || host === "127.0.0.1" ? route.continue() : route.abort();
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) {
      policyViolations.push(message.text());
    }
  });
  page.on("pageerror", (error) => pageErrors.push(error.message));
  cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");

  await page.goto(`${serverUrl()}/`);
  await page.getByRole("button", { name: "Create account" }).waitFor();
  assert.equal(await page.getByLabel("Username").evaluate((input) => input === document.activeElement), true);
  await assertAccessible("login");
});

check("the first user creates an account and sees an empty list", async () => {
  // Bob exists before he is shared with; he logs in through the app later.
  const registered = await fetch(`${serverUrl()}/register`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: bob, password }),
  });
  assert.equal(registered.status, 200);

  await page.getByLabel("Username").fill(alice);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("heading", { name: "Files", exact: true }).waitFor();
  await page.getByText("No files yet").waitFor();
  assert.match((await page.getByRole("status").textContent()) ?? "", /created/);
});

check("three files upload at once; the 20 MiB one's progress bar moves", async () => {
  await throttleUploads(8 * MiB);
  await page.getByLabel("Choose files").setInputFiles([pathOf(files.notes), pathOf(files.big), pathOf(files.hostile)]);
  const progress = page.getByRole("progressbar", { name: `Uploading ${files.big.name}` });
  await progress.waitFor();
  const seen = new Set<number>();
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const value = await progress.evaluate((bar: HTMLProgressElement) => bar.value).catch(() => null);
    if (value === null) {
      break; // finished: the bar is gone
    }
    seen.add(value);
    await page.waitForTimeout(100);
  }
  await throttleUploads(-1);
  const between = [...seen].filter((value) => value > 0 && value < 100);
  assert.ok(between.length >= 3, `the bar showed values between 0 and 100: ${[...seen].sort((a, b) => a - b)}`);
  await row(files.big.name).waitFor();
  await row(files.notes.name).waitFor();
  await row(hostile).waitFor();
  assert.deepEqual(await listedNames(), [hostile, files.big.name, files.notes.name].sort((a, b) => a.localeCompare(b)));
  await assertAccessible("files");
});

check("an upload can be cancelled, and nothing is stored", async () => {
  await throttleUploads(2 * MiB);
  await page.getByLabel("Choose files").setInputFiles(pathOf(files.cancelled));
  const progress = page.getByRole("progressbar", { name: `Uploading ${files.cancelled.name}` });
  await page.waitForFunction(() => {
    const bar = document.querySelector("progress");
    return bar !== null && bar.value > 0;
  });
  await page.getByRole("button", { name: `Cancel ${files.cancelled.name}` }).click();
  await progress.waitFor({ state: "detached" });
  await throttleUploads(-1);
  await page.getByRole("status").filter({ hasText: `Cancelled the upload of ${files.cancelled.name}` }).waitFor();
  const listed = await fetch(`${serverUrl()}/files`, { headers: { "x-session-token": await sessionToken() } });
  const names = ((await listed.json()) as Array<{ file_name: string }>).map((entry) => entry.file_name);
  assert.ok(!names.includes(files.cancelled.name), `listed: ${names}`);
});

check("the hostile file name shows as text: no image, no script ran", async () => {
  const cell = page.getByRole("rowheader", { name: hostile, exact: true });
  assert.equal(await cell.textContent(), hostile);
  assert.equal(await page.locator("main img").count(), 0);
  await page.getByRole("button", { name: `Download ${hostile}` }).waitFor();
  assert.deepEqual(dialogs, []);
});

check("the list sorts by a column and filters by name", async () => {
  const size = page.getByRole("columnheader", { name: "Size" });
  await size.getByRole("button").click();
  assert.equal(await size.getAttribute("aria-sort"), "ascending");
  assert.deepEqual((await listedNames()).at(-1), files.big.name);
  await size.getByRole("button").click();
  assert.equal(await size.getAttribute("aria-sort"), "descending");
  assert.deepEqual((await listedNames())[0], files.big.name);
  await page.getByRole("columnheader", { name: "Name" }).getByRole("button").click();
  await page.getByLabel("Filter by name").fill("NOTES");
  assert.deepEqual(await listedNames(), [files.notes.name]);
  await page.getByLabel("Filter by name").fill("");
  assert.equal((await listedNames()).length, 3);
});

check("share: the dialog shares with a user, lists and revokes grantees, shows a problem's detail", async () => {
  const opener = page.getByRole("button", { name: `Share ${files.notes.name}` });
  await opener.click();
  const dialog = page.getByRole("dialog", { name: `Share ${files.notes.name}` });
  await dialog.waitFor();
  await assertAccessible("share-dialog");
  await dialog.getByLabel("Share with").fill(uniqueName("nobody"));
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  const problem = dialog.getByRole("alert");
  await problem.filter({ hasText: /\w/ }).waitFor();
  const detail = (await problem.textContent()) ?? "";
  assert.doesNotMatch(detail, /^The server answered/, "the problem's own detail, not a status line");

  await dialog.getByLabel("Share with").fill(bob);
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await dialog.getByRole("button", { name: `Revoke ${bob}` }).click();
  await dialog.getByText("Not shared with anyone yet.").waitFor();
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  assert.equal(await opener.evaluate((button) => button === document.activeElement), true, "focus back on the opener");

  await page.getByRole("button", { name: `Share ${files.big.name}` }).click();
  const bigDialog = page.getByRole("dialog", { name: `Share ${files.big.name}` });
  await bigDialog.getByLabel("Share with").fill(bob);
  await bigDialog.getByRole("button", { name: "Share", exact: true }).click();
  await bigDialog.getByRole("button", { name: `Revoke ${bob}` }).waitFor();
  await bigDialog.getByRole("button", { name: "Close" }).click();
  await bigDialog.waitFor({ state: "detached" });
});

check("log out clears the session", async () => {
  await logOut();
});

check("the second user logs in with the keyboard alone, the focus always visible", async () => {
  assert.equal(await focusedName(), "Username");
  await page.keyboard.type(bob);
  await page.keyboard.press("Tab");
  assert.equal(await focusedName(), "Password");
  await page.keyboard.type(password);
  await page.keyboard.press("Tab");
  assert.equal(await focusedName(), "Log in");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Files", exact: true }).waitFor();
  assert.equal(await page.getByRole("status").textContent(), `Logged in as ${bob}.`);
});

check("the second user sees the shared file and downloads it byte for byte", async () => {
  const shared = row(files.big.name);
  await shared.waitFor();
  assert.deepEqual(await listedNames(), [files.big.name]);
  assert.ok((await shared.textContent())?.includes(alice), "the owner is shown");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: `Download ${files.big.name}` }).click(),
  ]);
  assert.equal(download.suggestedFilename(), files.big.name);
  const downloaded = readFileSync(await download.path());
  assert.ok(downloaded.equals(files.big.bytes), `downloaded ${downloaded.length} bytes, not the uploaded ones`);
  await assertAccessible("shared-files");
});

check("the second user leaves the share", async () => {
  await page.getByRole("button", { name: `Leave ${files.big.name}` }).click();
  await page.getByText("No files yet").waitFor();
  await logOut();
});

check("the owner deletes a file", async () => {
  await logIn(alice);
  await page.getByRole("button", { name: `Delete ${hostile}` }).click();
  await row(hostile).waitFor({ state: "detached" });
  assert.deepEqual(await listedNames(), [files.big.name, files.notes.name]);
});

check("a 401 returns to the login with the reason", async () => {
  const loggedOut = await fetch(`${serverUrl()}/logout`, {
    method: "POST",
    headers: { "x-session-token": await sessionToken() },
  });
  assert.equal(loggedOut.status, 200);
  await page.getByRole("button", { name: `Download ${files.notes.name}` }).click();
  await page.getByRole("button", { name: "Log in", exact: true }).waitFor();
  await page.getByRole("alert").filter({ hasText: "session has ended" }).waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  assert.equal(await page.getByRole("status").textContent(), "", "nothing of the last session's work is shown");
  await assertAccessible("login-after-401");
});

check("no Content-Security-Policy violation, no script error, no dialog on any screen", async () => {
  assert.deepEqual(policyViolations, []);
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(dialogs, []);
});

/** The focused element's label or text, once its focus outline is checked to be drawn. */
async function focusedName(): Promise<string> {
  return page.evaluate(() => {
    const focused = document.activeElement as HTMLElement;
    const outline = getComputedStyle(focused);
    if (outline.outlineStyle === "none" || parseFloat(outline.outlineWidth) < 2) {
      throw new Error(`no visible focus on ${focused.outerHTML}`);
    }
    return (focused as HTMLInputElement).labels?.[0]?.textContent ?? focused.textContent ?? "";
  });
}

async function sessionToken(): Promise<string> {
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem("fileshare.session") ?? "{}").token);
  assert.equal(typeof token, "string");
  return token as string;
}

runChecks().finally(async () => {
  await context?.close();
  if (workDir) {
    rmSync(workDir, { recursive: true, force: true });
  }
});
