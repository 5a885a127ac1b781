// The web app at / in a real browser (Debian's Chromium, driven by playwright-core), found only by the accessible
// names a person and a screen reader see: two users, uploads with progress and cancel (through tus where the server
// offers it, and a dropped connection that resumes by itself), sharing and revoking,
// downloads compared byte for byte, public links downloaded without a session and revoked, leaving a share,
// deleting with undo, older versions restored, the trash screen, a hostile file name shown as text, the account's usage, a password change, a 401 back to the login and
// logging out everywhere. axe-core checks every screen; screenshots at 360 px and desktop width go to target/webapp-screenshots/.
import { strict as assert } from "node:assert";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { BrowserContext, CDPSession, Page, Request, chromium } from "playwright-core";
import { check, runChecks, serverUrl, uniqueName } from "./checks";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
// tsc writes this script to target/clients-js/src/test/clients/.
const SCREENSHOTS = resolve(__dirname, "../../../../webapp-screenshots");
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const WIDTHS = [360, 1280];
const MiB = 1024 * 1024;
/** The app's tus chunk size. */
const CHUNK = 8 * MiB;

const password = "correct horse battery staple";
const newPassword = "staple battery horse correct";
const linkPassword = "open sesame";
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

async function logIn(username: string, secret = password): Promise<void> {
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(secret);
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

/** Whether the server speaks tus at /uploads, as the app asks it. */
async function serverOffersTus(): Promise<boolean> {
  const response = await fetch(`${serverUrl()}/uploads`, { method: "OPTIONS" });
  await response.arrayBuffer();
  return response.ok && response.headers.get("tus-version") === "1.0.0";
}

type SeenRequest = { method: string; url: string; path: string; token?: string; offset?: string };

/** The page's requests to /file and /uploads from now until stop(). */
function recordRequests(): { requests: SeenRequest[]; stop: () => SeenRequest[] } {
  const requests: SeenRequest[] = [];
  const listener = (request: Request) => {
    const url = new URL(request.url());
    if (url.pathname === "/file" || url.pathname.startsWith("/uploads")) {
      const headers = request.headers();
      requests.push({ method: request.method(), url: request.url(), path: url.pathname, token: headers["x-session-token"], offset: headers["upload-offset"] });
    }
  };
  page.on("request", listener);
  return {
    requests,
    stop: () => {
      page.off("request", listener);
      return requests;
    },
  };
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

check("three files upload at once through tus; the 20 MiB one's progress bar moves and a dropped chunk resumes by itself", async () => {
  const tus = await serverOffersTus();
  if (process.env.FILESHARE_STORE === "local") {
    assert.ok(tus, "the local store offers tus at /uploads");
  }
  // The connection drops under the 20 MiB file's second chunk, once: only tus-js-client's own retry can finish it.
  let dropped = false;
  await page.route(`${serverUrl()}/uploads/*`, (route) => {
    if (route.request().method() === "PATCH" && route.request().headers()["upload-offset"] === String(CHUNK) && !dropped) {
      dropped = true;
      return route.abort("connectionreset");
    }
    return route.fallback();
  });
  const seen = recordRequests();
  await throttleUploads(8 * MiB);
  await page.getByLabel("Choose files").setInputFiles([pathOf(files.notes), pathOf(files.big), pathOf(files.hostile)]);
  const progress = page.getByRole("progressbar", { name: `Uploading ${files.big.name}` });
  await progress.waitFor();
  const values = new Set<number>();
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const value = await progress.evaluate((bar: HTMLProgressElement) => bar.value).catch(() => null);
    if (value === null) {
      break; // finished: the bar is gone
    }
    values.add(value);
    await page.waitForTimeout(100);
  }
  await throttleUploads(-1);
  await page.unrouteAll();
  const between = [...values].filter((value) => value > 0 && value < 100);
  assert.ok(between.length >= 3, `the bar showed values between 0 and 100: ${[...values].sort((a, b) => a - b)}`);
  await row(files.big.name).waitFor();
  await row(files.notes.name).waitFor();
  await row(hostile).waitFor();
  assert.deepEqual(await listedNames(), [hostile, files.big.name, files.notes.name].sort((a, b) => a.localeCompare(b)));

  const token = await sessionToken();
  const requests = seen.stop();
  assert.ok(requests.every((request) => !request.url.includes(token)), "the token is never in a URL");
  if (tus) {
    const puts = requests.filter((request) => request.method === "PUT").map((request) => `PUT ${request.path}`);
    assert.deepEqual(puts, [], "no PUT /file: tus carried every file");
    assert.equal(requests.filter((request) => request.method === "POST" && request.path === "/uploads").length, 3);
    assert.ok(requests.every((request) => request.token === token), "the session token on every tus request");
    assert.ok(dropped, "the second chunk's first try was dropped");
    assert.ok(requests.some((request) => request.method === "HEAD"), "after the drop the client asked where to resume");
    const resumed = requests.filter((request) => request.method === "PATCH" && request.offset === String(CHUNK));
    assert.equal(resumed.length, 2, "the dropped chunk was sent again, from the offset the server kept");
  } else {
    assert.equal(requests.filter((request) => request.method === "PUT" && request.path === "/file").length, 3);
  }
  // The bytes stored are the source's, whole, in spite of the drop.
  const stored = await fetch(`${serverUrl()}/file?file_name=${files.big.name}`, { headers: { "x-session-token": token } });
  assert.equal(stored.status, 200);
  assert.ok(Buffer.from(await stored.arrayBuffer()).equals(files.big.bytes), "the stored bytes are the uploaded ones");
  await assertAccessible("files");
});

check("an upload can be cancelled, and nothing is stored or kept open", async () => {
  const seen = recordRequests();
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
  const token = await sessionToken();
  const listed = await fetch(`${serverUrl()}/files`, { headers: { "x-session-token": token } });
  const names = ((await listed.json()) as Array<{ file_name: string }>).map((entry) => entry.file_name);
  assert.ok(!names.includes(files.cancelled.name), `listed: ${names}`);
  if (await serverOffersTus()) {
    // The cancel terminated the upload: its DELETE went out, and the server no longer knows it.
    const deadline = Date.now() + 10_000;
    while (!seen.requests.some((request) => request.method === "DELETE") && Date.now() < deadline) {
      await page.waitForTimeout(100);
    }
    const terminated = seen.stop().find((request) => request.method === "DELETE");
    assert.ok(terminated, "the cancel sent DELETE");
    const head = await fetch(terminated.url, { method: "HEAD", headers: { "x-session-token": token, "Tus-Resumable": "1.0.0" } });
    assert.equal(head.status, 404, "the terminated upload is gone");
  } else {
    seen.stop();
  }
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

check("a public link: made in its dialog, its URL copied, downloaded without a session, logged, then revoked (404)", async () => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: serverUrl() });
  const opener = page.getByRole("button", { name: `Link ${files.notes.name}` });
  await opener.click();
  const dialog = page.getByRole("dialog", { name: `Public links to ${files.notes.name}` });
  await dialog.getByText("No links to this file yet.").waitFor();
  await dialog.getByLabel("Expires in").selectOption({ label: "1 day" });
  await dialog.getByRole("button", { name: "Create link" }).click();
  const urlField = dialog.getByLabel("Link URL");
  await urlField.waitFor();
  const url = await urlField.inputValue();
  assert.ok(url.startsWith(`${serverUrl()}/l/`), url);
  await dialog.getByText("shown only this once").waitFor();
  await dialog.getByRole("listitem").filter({ hasText: "no limit" }).waitFor();
  await dialog.getByRole("button", { name: "Copy link" }).click();
  await dialog.getByRole("status").filter({ hasText: "Copied" }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
  await assertAccessible("link-dialog");

  const downloaded = await fetch(url);
  assert.equal(downloaded.status, 200);
  assert.ok(Buffer.from(await downloaded.arrayBuffer()).equals(files.notes.bytes), "the link's bytes are the file's");

  // With a password and a limit of one download: the dialog sends both.
  await dialog.getByLabel("Password (optional)").fill(linkPassword);
  await dialog.getByLabel("Download limit (optional)").fill("1");
  await dialog.getByRole("button", { name: "Create link" }).click();
  await dialog.getByRole("listitem").filter({ hasText: "0 of 1 downloads; password" }).waitFor();
  const guarded = await urlField.inputValue();
  assert.notEqual(guarded, url);
  assert.equal((await fetch(guarded)).status, 401, "no password, no download");
  const basic = { Authorization: `Basic ${Buffer.from(`:${linkPassword}`).toString("base64")}` };
  const withPassword = await fetch(guarded, { headers: basic });
  assert.equal(withPassword.status, 200);
  assert.ok(Buffer.from(await withPassword.arrayBuffer()).equals(files.notes.bytes));
  assert.equal((await fetch(guarded, { headers: basic })).status, 410, "its one download is used");

  // Reopened, the dialog no longer knows the URLs, but lists the links with their downloads and access logs.
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  await opener.click();
  const open = dialog.getByRole("listitem").filter({ hasText: "1 download, no limit" });
  await open.waitFor();
  assert.equal(await dialog.getByLabel("Link URL").isVisible(), false, "the URL is not shown again");
  await open.getByRole("button", { name: /^Access log/ }).click();
  await open.getByRole("listitem").filter({ hasText: ` · 200 · ${files.notes.bytes.length} B · ` }).waitFor();
  await assertAccessible("link-access-log");
  await open.getByRole("button", { name: /^Revoke link/ }).click();
  await dialog.getByRole("status").filter({ hasText: "Revoked" }).waitFor();
  await open.waitFor({ state: "detached" });
  assert.equal(await dialog.getByRole("button", { name: /^Revoke link/ }).count(), 1, "the other link stays");
  assert.equal((await fetch(url)).status, 404, "a revoked link answers 404");
  await dialog.getByRole("button", { name: "Close" }).click();
  await dialog.waitFor({ state: "detached" });
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

check("the owner deletes a file; the news offers to undo it", async () => {
  await logIn(alice);
  await page.getByRole("button", { name: `Delete ${hostile}` }).click();
  await row(hostile).waitFor({ state: "detached" });
  assert.deepEqual(await listedNames(), [files.big.name, files.notes.name]);
  await page.getByRole("button", { name: `Undo delete of ${hostile}` }).click();
  await row(hostile).waitFor();
  await page.getByRole("status").filter({ hasText: `Restored ${hostile}` }).waitFor();
  await page.getByRole("button", { name: `Delete ${hostile}` }).click();
  await row(hostile).waitFor({ state: "detached" });
});

check("versions: an overwrite keeps the old content, listed in the file's dialog and restored from it", async () => {
  const changed = Buffer.from("Meeting notes: the slides are late.\n");
  const put = await fetch(`${serverUrl()}/file?file_name=${encodeURIComponent(files.notes.name)}`, {
    method: "PUT",
    headers: { "x-session-token": await sessionToken(), "Content-Type": "application/octet-stream" },
    body: changed,
  });
  assert.equal(put.status, 200);
  const opener = page.getByRole("button", { name: `Versions of ${files.notes.name}` });
  await opener.click();
  const dialog = page.getByRole("dialog", { name: `Versions of ${files.notes.name}` });
  await dialog.getByRole("listitem").filter({ hasText: "Older version" }).waitFor();
  assert.equal(await dialog.getByRole("listitem").count(), 2);
  assert.ok((await dialog.getByRole("listitem").first().textContent())?.startsWith("Current version"), "newest first");
  await assertAccessible("versions-dialog");
  await dialog.getByRole("button", { name: /^Restore the version of / }).click();
  await dialog.getByRole("status").filter({ hasText: "Restored" }).waitFor();
  await dialog.getByRole("listitem").nth(2).waitFor();
  assert.equal(await dialog.getByRole("listitem").count(), 3, "the restore is a new version; the others stay");
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  assert.ok((await downloadByApi(files.notes.name)).equals(files.notes.bytes), "the restored content is current");
});

check("the trash screen lists the deleted file, restores it and deletes it for good", async () => {
  await page.getByRole("button", { name: "Trash", exact: true }).click();
  await page.getByRole("heading", { name: "Trash", exact: true }).waitFor();
  const trashed = page.getByRole("listitem").filter({ hasText: hostile });
  await trashed.waitFor();
  await assertAccessible("trash");
  await page.getByRole("button", { name: `Restore ${hostile}` }).click();
  await page.getByText("The trash is empty.").waitFor();
  await page.getByRole("button", { name: "Files", exact: true }).click();
  await row(hostile).waitFor();
  await page.getByRole("button", { name: `Delete ${hostile}` }).click();
  await row(hostile).waitFor({ state: "detached" });
  await page.getByRole("button", { name: "Trash", exact: true }).click();
  await page.getByRole("button", { name: `Delete ${hostile} for good` }).click();
  await page.getByText("The trash is empty.").waitFor();
  await page.getByRole("status").filter({ hasText: `Deleted ${hostile} for good.` }).waitFor();
  await page.getByRole("button", { name: "Files", exact: true }).click();
  await row(files.notes.name).waitFor();
});

check("the account screen shows the usage; a password change shows the problem's detail, then ends other sessions", async () => {
  await page.getByRole("button", { name: "Account", exact: true }).click();
  await page.getByRole("heading", { name: "Account", exact: true }).waitFor();
  await page.getByText("20 MiB used, no quota").waitFor();
  await page.getByText("2 files used, no quota").waitFor();
  await assertAccessible("account");

  const otherSession = await loginByApi(alice, password);
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  const problem = page.getByRole("alert").filter({ hasText: /\w/ });
  await problem.waitFor();
  assert.doesNotMatch((await problem.textContent()) ?? "", /^The server answered/, "the problem's own detail");
  assert.equal(await filesStatus(otherSession), 200, "a failed change ends no session");

  await page.getByLabel("Current password").fill(password);
  await page.getByLabel("New password").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await page.getByRole("status").filter({ hasText: "Password changed" }).waitFor();
  assert.equal(await page.getByRole("alert").textContent(), "", "the last problem is gone");
  assert.equal(await filesStatus(otherSession), 401, "the other session ended");
  assert.equal(await filesStatus(await sessionToken()), 200, "this one stays");
  await page.getByRole("button", { name: "Files", exact: true }).click();
  await row(files.notes.name).waitFor();
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

check("log out everywhere ends every session and returns to the login", async () => {
  await logIn(alice, newPassword);
  const otherSession = await loginByApi(alice, newPassword);
  await page.getByRole("button", { name: "Account", exact: true }).click();
  const token = await sessionToken();
  await page.getByRole("button", { name: "Log out everywhere" }).click();
  await page.getByRole("button", { name: "Log in", exact: true }).waitFor();
  await page.getByRole("status").filter({ hasText: "Logged out everywhere" }).waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.length), 0, "the token left sessionStorage");
  assert.equal(await filesStatus(token), 401);
  assert.equal(await filesStatus(otherSession), 401);
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

async function loginByApi(username: string, secret: string): Promise<string> {
  const response = await fetch(`${serverUrl()}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password: secret }),
  });
  assert.equal(response.status, 200);
  return ((await response.json()) as { token: string }).token;
}

/** What GET /files answers a token: 200 while its session lives, 401 once it ended. */
async function filesStatus(token: string): Promise<number> {
  const response = await fetch(`${serverUrl()}/files`, { headers: { "x-session-token": token } });
  await response.arrayBuffer();
  return response.status;
}

async function downloadByApi(name: string): Promise<Buffer> {
  const response = await fetch(`${serverUrl()}/file?file_name=${encodeURIComponent(name)}`, {
    headers: { "x-session-token": await sessionToken(), Accept: "application/octet-stream" },
  });
  assert.equal(response.status, 200);
  return Buffer.from(await response.arrayBuffer());
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
