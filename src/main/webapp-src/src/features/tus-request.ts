// One upload through tus (POST /uploads, then PATCH chunks) with the official tus-js-client: a dropped connection
// is retried with backoff from where the server says the upload stands (HEAD), so it resumes by itself; a cancel
// terminates the upload (DELETE) so that its bytes are not kept. The session token is a header on every request,
// never part of a URL. Failures come back as the generated client's errors, reported like every other call.
import { FetchError, ResponseError } from "fileshare-client";
import { DetailedError, Upload } from "tus-js-client";
import { UploadCancelled, type UploadRequest } from "./upload-request";

/** Under the 9 MiB request body the deployed gateway lets through, and small enough that a retried chunk costs little. */
const CHUNK_BYTES = 8 * 1024 * 1024;
/** Waits before each retry of a failed request (reset once a chunk gets through): about a minute in all. */
const RETRY_DELAYS_MS = [0, 1_000, 3_000, 5_000, 10_000, 20_000, 30_000];

let offered: Promise<boolean> | null = null;

/** Whether the server speaks tus at /uploads (the aws store answers 404 there), asked once per page. */
export function serverOffersTus(): Promise<boolean> {
  offered ??= fetch(`${location.origin}/uploads`, { method: "OPTIONS" }).then(
    (response) => response.ok && response.headers.get("Tus-Version")?.split(",").some((version) => version.trim() === "1.0.0") === true,
    () => {
      offered = null; // unreachable now: ask again next time
      return false;
    },
  );
  return offered;
}

export function tusUpload(file: File, token: string, onProgress: (fraction: number) => void): UploadRequest {
  let cancelled: () => void = () => undefined;
  let upload: Upload | undefined;
  const done = new Promise<void>((resolve, reject) => {
    cancelled = () => reject(new UploadCancelled(`upload of ${file.name} cancelled`));
    upload = new Upload(file, {
      endpoint: `${location.origin}/uploads`,
      chunkSize: CHUNK_BYTES,
      retryDelays: RETRY_DELAYS_MS,
      headers: { "x-session-token": token },
      // Unconditional, as PUT /file from this page: a file of the same name gets a new version.
      metadata: { filename: file.name },
      // Resumes within this page's life only: no upload URLs left behind in localStorage.
      storeFingerprintForResuming: false,
      onProgress: (sent, total) => {
        if (total > 0) {
          onProgress(sent / total);
        }
      },
      onSuccess: () => resolve(),
      onError: (error) => reject(asApiError(error)),
    });
    upload.start();
  });
  return {
    done,
    cancel: () => {
      // Stops the transfer and terminates the upload on the server (DELETE); tus-js-client then calls no callback.
      void upload?.abort(true).catch(() => undefined);
      cancelled();
    },
  };
}

/** A tus failure as the generated client's errors: a response's problem+json, or an unreachable server. */
function asApiError(error: Error): Error {
  const response = error instanceof DetailedError ? error.originalResponse : null;
  const status = response?.getStatus() ?? 0;
  if (response !== null && status >= 200 && status <= 599) {
    const body = status === 204 || status === 304 ? null : response.getBody();
    const contentType = response.getHeader("Content-Type") ?? "text/plain";
    return new ResponseError(new Response(body, { status, headers: { "Content-Type": contentType } }), error.message);
  }
  if (error instanceof DetailedError && error.originalRequest !== null) {
    return new FetchError(error, "upload failed");
  }
  return error;
}
