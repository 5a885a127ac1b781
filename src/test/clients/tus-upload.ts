// The official tus client (tus-js-client) against /uploads: 64 MiB in 6 MiB chunks, the connection cut in the
// middle of a chunk, the upload resumed from the offset the server reports, and the stored file's SHA-256 checked.
import { strict as assert } from "node:assert";
import { randomBytes } from "node:crypto";
import * as tus from "tus-js-client";
import { check, runChecks, serverUrl, sha256, signUp, uniqueName } from "./checks";
import { cuttingProxy } from "./cutting-proxy";

const MIB = 1024 * 1024;
const SIZE = 64 * MIB;
const CHUNK = 6 * MIB;
/** The cut comes some way into the fourth chunk (the requests' headers count too). */
const CUT_AT = 3 * CHUNK + 2 * MIB;
/** The server learns of the cut this long after the client, which retries at once: its first retry may meet 409. */
const SERVER_LEARNS_AFTER_MS = 300;

const base = serverUrl();

check("tus-js-client uploads 64 MiB in 6 MiB chunks, resuming after a cut mid-chunk", async () => {
  const token = await signUp(base, "tus");
  const fileName = `${uniqueName("big")}.bin`;
  const content = randomBytes(SIZE);
  const proxy = await cuttingProxy(base, CUT_AT, SERVER_LEARNS_AFTER_MS);
  const resumedFrom: number[] = [];
  const refusedPatches: number[] = [];
  try {
    const lastResponse = await new Promise<tus.HttpResponse>((resolve, reject) => {
      const upload = new tus.Upload(content, {
        endpoint: `${proxy.url}/uploads`,
        chunkSize: CHUNK,
        retryDelays: [0, 500, 1000],
        headers: { "x-session-token": token },
        metadata: { filename: fileName, filetype: "application/octet-stream" },
        storeFingerprintForResuming: false,
        onAfterResponse: (request, response) => {
          if (request.getMethod() === "HEAD") {
            resumedFrom.push(Number(response.getHeader("Upload-Offset")));
          } else if (request.getMethod() === "PATCH" && response.getStatus() !== 204) {
            refusedPatches.push(response.getStatus());
          }
        },
        onSuccess: (payload) => resolve(payload.lastResponse),
        onError: reject,
      });
      upload.start();
    });

    assert.ok(proxy.cut(), "the proxy cut the connection");
    console.log(
      `cut after ${CUT_AT} bytes; the client resumed from ${resumedFrom.join(", ")};` +
        ` PATCHes refused: ${refusedPatches.join(", ") || "none"}`,
    );
    assert.ok(resumedFrom.length >= 1, "the client resumed, after asking the server for the offset");
    // A retry that reaches the server before it has seen the cut finds the cut chunk's append still under way:
    // 409, and the client asks for the offset again. Any other refusal (or a 5xx) is a defect.
    assert.ok(
      refusedPatches.every((status) => status === 409),
      `PATCHes refused with ${refusedPatches.join(", ")}`,
    );
    assert.equal(resumedFrom.length, refusedPatches.length + 1, "one resume, plus one per refused PATCH");
    assert.ok(
      resumedFrom.every((offset) => offset === resumedFrom[0]),
      `every resume from the same offset: ${resumedFrom.join(", ")}`,
    );
    assert.equal(resumedFrom[0] % CHUNK, 0, "a chunk cut off keeps none of its bytes");
    assert.ok(resumedFrom[0] > 0 && resumedFrom[0] < CUT_AT, `resumed from ${resumedFrom[0]}`);
    const etag = lastResponse.getHeader("ETag") ?? "";
    assert.match(etag, /^"[^"]+"$/, "the last PATCH answers the file's ETag");

    const download = await fetch(`${base}/file?file_name=${encodeURIComponent(fileName)}`, {
      headers: { "x-session-token": token, Accept: "application/octet-stream" },
    });
    assert.equal(download.status, 200);
    assert.equal(download.headers.get("ETag"), etag);
    const stored = new Uint8Array(await download.arrayBuffer());
    assert.equal(stored.length, SIZE);
    assert.equal(sha256(stored), sha256(content), "the stored file is the source, byte for byte");
  } finally {
    proxy.close();
  }
});

check("tus-js-client terminates an upload: the server forgets it", async () => {
  const token = await signUp(base, "tus");
  const upload = new tus.Upload(randomBytes(MIB), {
    endpoint: `${base}/uploads`,
    chunkSize: MIB / 4,
    headers: { "x-session-token": token },
    metadata: { filename: "abandoned.bin" },
    storeFingerprintForResuming: false,
  });
  const outcome: { cut: boolean; done: boolean; error?: Error } = { cut: false, done: false };
  await new Promise<void>((resolve) => {
    upload.options.onChunkComplete = () => {
      if (!outcome.cut) {
        outcome.cut = true;
        void upload.abort(true).then(() => resolve());
      }
    };
    upload.options.onError = (error) => {
      outcome.error = error;
      resolve();
    };
    upload.start();
  });
  assert.equal(outcome.error, undefined, String(outcome.error));
  assert.ok(upload.url);
  const head = await fetch(upload.url, { method: "HEAD", headers: { "x-session-token": token, "Tus-Resumable": "1.0.0" } });
  assert.equal(head.status, 404);
});

void runChecks();
