// Swagger UI at /openapi/ui in a real browser (Debian's Chromium, driven by playwright-core), as a person uses it:
// register and log in through "Try it out", authorize with the token, upload, list. Screenshot: target/swagger-ui.png.
import { strict as assert } from "node:assert";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { BrowserContext, Locator, Page, chromium } from "playwright-core";
import { check, runChecks, serverUrl, uniqueName } from "./checks";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
// tsc writes this script to target/clients-js/src/test/clients/.
const SCREENSHOT = process.env.SCREENSHOT ?? resolve(__dirname, "../../../../swagger-ui.png");
const username = uniqueName("ui");
const password = "correct horse battery staple";

let context: BrowserContext;
let page: Page;
let userDataDir: string;

/** Expands an operation, presses "Try it out", fills what is given, executes; answers the live response. */
async function tryItOut(operationId: string, input: { body?: string; params?: Record<string, string> } = {}) {
  const operation = page.locator(`[id$="-${operationId}"].opblock`);
  if (!(await operation.locator(".opblock-body").isVisible())) {
    await operation.locator(".opblock-summary-control").click();
  }
  const tryOut = operation.locator("button.try-out__btn");
  if ((await tryOut.textContent())?.includes("Try it out")) {
    await tryOut.click();
  }
  for (const [name, value] of Object.entries(input.params ?? {})) {
    await operation.locator(`tr[data-param-name="${name}"] input`).fill(value);
  }
  if (input.body !== undefined) {
    await operation.locator("textarea.body-param__text").fill(input.body);
  }
  await operation.locator("button.execute").click();
  return liveResponse(operation);
}

async function liveResponse(operation: Locator): Promise<{ status: number; body: string }> {
  const table = operation.locator(".live-responses-table");
  const status = table.locator("tbody .response-col_status").first();
  await status.waitFor({ timeout: 15_000 });
  const body = await table.locator(".response-col_description pre").first().textContent();
  return { status: Number((await status.textContent())?.trim()), body: body ?? "" };
}

check("Swagger UI shows the fileshare document", async () => {
  assert.ok(existsSync(CHROMIUM), `Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium`);
  userDataDir = mkdtempSync(join(tmpdir(), "fileshare-chromium-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run"],
    viewport: { width: 1280, height: 1100 },
  });
  // The page may reach the server under test and nothing else.
  await context.route("**/*", (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === "localhost" || host === "127.0.0.1" ? route.continue() : route.abort();
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  await page.goto(`${serverUrl()}/openapi/ui/`);
  await page.locator(".opblock").first().waitFor({ timeout: 30_000 });
  assert.match((await page.locator(".info .title").textContent()) ?? "", /fileshare/);
});

check("register through Try it out", async () => {
  const response = await tryItOut("register", { body: JSON.stringify({ username, password }) });
  assert.equal(response.status, 200, response.body);
  assert.equal(JSON.parse(response.body).username, username);
});

let token = "";
check("log in through Try it out", async () => {
  const response = await tryItOut("login", { body: JSON.stringify({ username, password }) });
  assert.equal(response.status, 200, response.body);
  token = JSON.parse(response.body).token;
  assert.equal(token.length, 43);
});

check("authorize with the token in the sessionToken (apiKey) field", async () => {
  await page.locator(".auth-wrapper button.authorize").click();
  const scheme = page.locator(".modal-ux .auth-container").filter({ hasText: "sessionToken" });
  await scheme.locator("input").fill(token);
  await scheme.locator("button.authorize").click();
  await scheme.locator("h6", { hasText: "Authorized" }).waitFor();
  await scheme.locator("button.btn-done").click();
  await page.locator(".modal-ux").waitFor({ state: "detached" });
});

check("upload as JSON through PUT /file's Try it out", async () => {
  const response = await tryItOut("uploadFile", { body: JSON.stringify({ file_name: "from-the-ui.txt", content: "aGVsbG8=" }) });
  assert.equal(response.status, 200, response.body);
  assert.equal(JSON.parse(response.body).key, `${username}/from-the-ui.txt`);
});

check("GET /files answers 200 with the uploaded file, rendered", async () => {
  const response = await tryItOut("listFiles");
  assert.equal(response.status, 200, response.body);
  const files = JSON.parse(response.body) as Array<{ key: string; size: number }>;
  assert.deepEqual(files.map((file) => [file.key, file.size]), [[`${username}/from-the-ui.txt`, 5]]);
  const operation = page.locator('[id$="-listFiles"].opblock');
  await operation.locator(".live-responses-table").scrollIntoViewIfNeeded();
  await operation.screenshot({ path: SCREENSHOT });
});

runChecks().finally(async () => {
  await context?.close();
  if (userDataDir) {
    rmSync(userDataDir, { recursive: true, force: true });
  }
});
