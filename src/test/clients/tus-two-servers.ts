// The official tus client (tus-js-client) hands an upload from one server to another that shares its stores (the
// aws mode: uploads live in DynamoDB and S3, not in a server). It begins on the server under test in 4 MiB chunks,
// each smaller than an S3 part so that the server holds a tail, is cut off in the middle of a chunk, and resumes
// on the second server (FILESHARE_PEER_URL) from the offset that one reports; both then serve the stored file.
import { strict as assert } from "node:assert";
import { randomBytes } from "node:crypto";
import * as tus from "tus-js-client";
import { check, peerServerUrl, runChecks, serverUrl, sha256, signUp, uniqueName } from "./checks";
import { cuttingProxy } from "./cutting-proxy";

const MIB = 1024 * 1024;
const SIZE = 14 * MIB + 7;
const FIRST_CHUNK = 4 * MIB;
const LATER_CHUNK = 6 * MIB;
/** The cut comes 1 MiB into the third chunk (the requests' headers, a few hundred bytes each, count too). */
const CUT_AT = 2 * FIRST_CHUNK + MIB;

const first = serverUrl();
const peer = peerServerUrl();

/** Begins the upload on the first server through a proxy that cuts it mid-chunk; its URL once the client gave up. */
async function beginAndBeCutOff(content: Buffer, fileName: string, token: string): Promise<string> {
  const proxy = await cuttingProxy(first, CUT_AT);
  try {
    const upload = new tus.Upload(content, {
      endpoint: `${proxy.url}/uploads`,
      chunkSize: FIRST_CHUNK,
      retryDelays: null, // this client gives up at the cut; another one resumes
      headers: { "x-session-token": token },
      metadata: { filename: fileName, filetype: "application/octet-stream" },
      storeFingerprintForResuming: false,
    });
    await new Promise<void>((resolve, reject) => {
      upload.options.onError = () => resolve();
      upload.options.onSuccess = () => reject(new Error("the upload finished on the first server despite the cut"));
      upload.start();
    });
    assert.ok(proxy.cut(), "the proxy cut the connection");
    assert.ok(upload.url, "the first server created the upload");
    return upload.url;
  } finally {
    proxy.close();
  }
}

check("tus-js-client begins an upload on one server, is cut off mid-chunk and finishes it on the other", async () => {
  const token = await signUp(first, "tustwo");
  const fileName = `${uniqueName("handed-over")}.bin`;
  const content = randomBytes(SIZE);
  const path = new URL(await beginAndBeCutOff(content, fileName, token)).pathname;

  const resumedFrom: number[] = [];
  const origins = new Set<string>();
  const lastResponse = await new Promise<tus.HttpResponse>((resolve, reject) => {
    new tus.Upload(content, {
      uploadUrl: `${peer}${path}`,
      chunkSize: LATER_CHUNK,
      // a 409 while the first server has not yet seen the cut (it holds the chunk's claim) is asked again
      retryDelays: [0, 500, 1000, 2000, 4000],
      headers: { "x-session-token": token },
      storeFingerprintForResuming: false,
      onBeforeRequest: (request) => {
        origins.add(new URL(request.getURL()).origin);
      },
      onAfterResponse: (request, response) => {
        if (request.getMethod() === "HEAD") {
          resumedFrom.push(Number(response.getHeader("Upload-Offset")));
        }
      },
      onSuccess: (payload) => resolve(payload.lastResponse),
      onError: reject,
    }).start();
  });

  console.log(`cut after ${CUT_AT} bytes on ${first}; resumed on ${peer} from ${resumedFrom.join(", ")}`);
  assert.deepEqual([...origins], [peer], "the rest went to the second server only");
  assert.ok(resumedFrom.length >= 1, "the client asked the second server for the offset");
  for (const offset of resumedFrom) {
    assert.equal(offset, 2 * FIRST_CHUNK, "the two whole chunks, the second one held as a tail, and none of the cut one");
  }
  const etag = lastResponse.getHeader("ETag") ?? "";
  assert.match(etag, /^"[^"]+"$/, "the last PATCH answers the file's ETag");

  for (const server of [first, peer]) {
    const download = await fetch(`${server}/file?file_name=${encodeURIComponent(fileName)}`, {
      headers: { "x-session-token": token, Accept: "application/octet-stream" },
    });
    assert.equal(download.status, 200, server);
    assert.equal(download.headers.get("ETag"), etag, server);
    const stored = new Uint8Array(await download.arrayBuffer());
    assert.equal(stored.length, SIZE, server);
    assert.equal(sha256(stored), sha256(content), `${server} serves the source, byte for byte`);
    const head = await fetch(`${server}${path}`, {
      method: "HEAD",
      headers: { "x-session-token": token, "Tus-Resumable": "1.0.0" },
    });
    assert.equal(head.status, 404, `the upload is over on ${server}`);
  }
});

void runChecks();
