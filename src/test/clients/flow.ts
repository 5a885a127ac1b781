// The whole flow of the API through the generated TypeScript (typescript-fetch) client only, against the started
// server: what a TypeScript developer who generates a client from the contract gets.
import { strict as assert } from "node:assert";
import {
  AccountsApi,
  Configuration,
  FilesApi,
  LinksApi,
  Problem,
  ProblemFromJSON,
  ResponseError,
  SharingApi,
  TrashApi,
  VersionsApi,
} from "../../../target/generated-clients/typescript";
import { check, runChecks, serverUrl, uniqueName } from "./checks";

const basePath = serverUrl();
const password = "correct horse battery staple";
const accounts = new AccountsApi(new Configuration({ basePath }));

/** The APIs as one user: the token goes in the `sessionToken` apiKey scheme's header, x-session-token. */
function as(token?: string) {
  const configuration = new Configuration({ basePath, apiKey: token === undefined ? undefined : () => token });
  return {
    files: new FilesApi(configuration),
    sharing: new SharingApi(configuration),
    accounts: new AccountsApi(configuration),
    links: new LinksApi(configuration),
    versions: new VersionsApi(configuration),
    trash: new TrashApi(configuration),
  };
}

/** A public link's API without a session, sending `password` (if any) as HTTP Basic credentials with no user name. */
function visitor(password?: string) {
  const headers: Record<string, string> =
    password === undefined ? {} : { Authorization: `Basic ${Buffer.from(`:${password}`).toString("base64")}` };
  return new LinksApi(new Configuration({ basePath, headers }));
}

/** The problem+json body of a failed call, parsed into the generated model. */
async function problemOf(call: Promise<unknown>, status: number): Promise<Problem> {
  const error = await call.then(
    () => assert.fail(`expected ${status}, got a success`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ResponseError, `expected a ResponseError, got ${String(error)}`);
  assert.equal(error.response.status, status);
  assert.match(error.response.headers.get("content-type") ?? "", /^application\/problem\+json/);
  const problem = ProblemFromJSON(await error.response.json());
  assert.equal(problem.status, status);
  assert.equal(problem.message, problem.detail);
  return problem;
}

async function registerAndLogin(prefix: string): Promise<{ username: string; token: string }> {
  const username = uniqueName(prefix);
  const registered = await accounts.register({ credentials: { username, password } });
  assert.equal(registered.username, username);
  const session = await accounts.login({ credentials: { username, password } });
  assert.ok(session.expiresAt instanceof Date && session.expiresAt.getTime() > Date.now(), "expires_at is a future date");
  return { username, token: session.token };
}

const text = new TextEncoder();
let alice: { username: string; token: string };
let bob: { username: string; token: string };

check("register and login two users", async () => {
  alice = await registerAndLogin("ts-alice");
  bob = await registerAndLogin("ts-bob");
  assert.notEqual(alice.token, bob.token);
});

check("registering a taken username is 409 with a problem", async () => {
  const problem = await problemOf(accounts.register({ credentials: { username: alice.username, password } }), 409);
  assert.equal(problem.title, "Conflict");
});

check("an invalid username is 400 with the field in errors", async () => {
  const problem = await problemOf(accounts.register({ credentials: { username: "no spaces", password } }), 400);
  assert.deepEqual(problem.errors?.map((error) => error.field), ["username"]);
});

check("a wrong password is 401 with a problem", async () => {
  await problemOf(accounts.login({ credentials: { username: alice.username, password: "wrong password!" } }), 401);
});

check("upload as JSON answers the file entry", async () => {
  const entry = await as(alice.token).files.uploadFile({ fileUpload: { fileName: "notes.txt", content: "aGVsbG8=" } });
  assert.deepEqual(
    { key: entry.key, owner: entry.owner, fileName: entry.fileName, size: entry.size },
    { key: `${alice.username}/notes.txt`, owner: alice.username, fileName: "notes.txt", size: 5 },
  );
  assert.ok(entry.modified instanceof Date);
  assert.match(entry.etag, /^".+"$/);
});

check("upload as raw bytes: 201 created, then 200 replaced", async () => {
  // typescript-fetch types a body by its first media type (JSON); initOverrides sends the octet-stream form.
  const raw = (bytes: Uint8Array<ArrayBuffer>) => async ({ init }: { init: RequestInit }) => ({
    body: new Blob([bytes]),
    headers: { ...(init.headers as Record<string, string>), "Content-Type": "application/octet-stream" },
  });
  const files = as(alice.token).files;
  const placeholder = { fileUpload: { fileName: "photo.bin", content: "" }, fileName: "photo.bin" };
  const created = await files.uploadFileRaw(placeholder, raw(new Uint8Array([0, 1, 2, 255])));
  assert.equal(created.raw.status, 201);
  assert.equal((await created.value()).size, 4);
  const replaced = await files.uploadFileRaw(placeholder, raw(text.encode("second")));
  assert.equal(replaced.raw.status, 200);
  assert.equal((await replaced.value()).size, 6);
});

check("list shows the caller's files sorted by key", async () => {
  const keys = (await as(alice.token).files.listFiles()).map((entry) => entry.key);
  assert.deepEqual(keys, [`${alice.username}/notes.txt`, `${alice.username}/photo.bin`]);
});

check("share, then the grantee lists and downloads the file", async () => {
  const shared = await as(alice.token).sharing.shareFile({ shareRequest: { fileName: "notes.txt", username: bob.username } });
  assert.deepEqual(shared, {});
  assert.deepEqual(await as(alice.token).sharing.listShares({ fileName: "notes.txt" }), [bob.username]);
  const bobs = await as(bob.token).files.listFiles();
  assert.deepEqual(bobs.map((entry) => entry.key), [`${alice.username}/notes.txt`]);
  const blob = await as(bob.token).files.downloadFile({ fileName: "notes.txt", username: alice.username });
  assert.equal(await blob.text(), "hello");
});

check("a file not shared with the caller is 404 with a problem", async () => {
  await problemOf(as(bob.token).files.downloadFile({ fileName: "photo.bin", username: alice.username }), 404);
});

check("no token is 401 with a problem", async () => {
  await problemOf(as().files.listFiles(), 401);
});

let link: { id: string; handle: string };

check("a public link serves the file without a session, with its password as Basic credentials", async () => {
  const created = await as(alice.token).links.createLink({
    linkRequest: { fileName: "notes.txt", password: "secret", maxDownloads: 3 },
  });
  assert.equal(created.url, `${basePath}/l/${created.id}`);
  assert.equal(created.maxDownloads, 3);
  assert.equal(created.hasPassword, true);
  assert.ok(created.expiresAt instanceof Date && created.expiresAt.getTime() > Date.now());
  link = created;
  const asked = await problemOf(visitor().downloadLink({ id: link.id }), 401);
  assert.match(asked.detail, /password/);
  await problemOf(visitor("guess").downloadLink({ id: link.id }), 401);
  const blob = await visitor("secret").downloadLink({ id: link.id });
  assert.equal(await blob.text(), "hello");
  await visitor("secret").headLink({ id: link.id });
});

check("the owner lists links by handle, reads the access log and revokes a link", async () => {
  const listed = await as(alice.token).links.listLinks({ fileName: "notes.txt" });
  assert.deepEqual(listed.map((l) => [l.handle, l.maxDownloads, l.hasPassword]), [[link.handle, 3, true]]);
  assert.equal(listed[0].maxDownloads, 3);
  const log = await as(alice.token).links.listLinkAccesses({ id: link.handle });
  // The two 401s and the HEAD are logged before they are answered; the download once its body is out.
  assert.deepEqual(log.map((access) => access.status).slice(-3), [200, 401, 401]);
  assert.ok(log.every((access) => access.address.endsWith("/24") || access.address.endsWith("/48")));
  await as(alice.token).links.deleteLink({ id: link.handle });
  await problemOf(visitor("secret").downloadLink({ id: link.id }), 404);
  assert.deepEqual(await as(alice.token).links.listLinks(), []);
});

// Both store modes keep versions and a trash (the aws mode on its versioned bucket's own versions and markers).
check("an overwrite keeps the older version, which reads and restores", async () => {
  const versions = await as(alice.token).versions.listVersions({ fileName: "photo.bin" });
  assert.deepEqual(versions.map((v) => [v.size, v.current]), [[6, true], [4, false]]);
  const older = await as(alice.token).files.downloadFile({ fileName: "photo.bin", version: versions[1].version });
  assert.deepEqual([...new Uint8Array(await older.arrayBuffer())], [0, 1, 2, 255]);
  const restored = await as(alice.token).versions.restoreVersion({
    versionRestoreRequest: { fileName: "photo.bin", version: versions[1].version },
  });
  assert.equal(restored.size, 4);
  assert.equal((await as(alice.token).versions.listVersions({ fileName: "photo.bin" })).length, 3);
  await problemOf(as(alice.token).versions.listVersions({ fileName: "absent.bin" }), 404);
});

check("a delete moves the file to the trash, which restores and purges it", async () => {
  await as(alice.token).files.deleteFile({ fileName: "photo.bin" });
  const trashed = await as(alice.token).trash.listTrash();
  assert.deepEqual(trashed.map((t) => [t.fileName, t.size]), [["photo.bin", 4]]);
  assert.ok(trashed[0].purgeAt instanceof Date && trashed[0].purgeAt.getTime() > trashed[0].deleted.getTime());
  const back = await as(alice.token).trash.restoreFromTrash({ trashRestoreRequest: { fileName: "photo.bin" } });
  assert.equal(back.size, 4);
  await problemOf(as(alice.token).trash.restoreFromTrash({ trashRestoreRequest: { fileName: "photo.bin" } }), 404);
  await as(alice.token).files.deleteFile({ fileName: "photo.bin" });
  await as(alice.token).trash.purgeFromTrash({ fileName: "photo.bin" });
  assert.deepEqual(await as(alice.token).trash.listTrash(), []);
});

check("logout answers {} and the token stops working", async () => {
  assert.deepEqual(await as(bob.token).accounts.logout(), {});
  await problemOf(as(bob.token).files.listFiles(), 401);
});

runChecks();
