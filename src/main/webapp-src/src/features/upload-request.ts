// One upload: the raw-bytes form of PUT /file, which the generated client does not produce (its uploadFile sends
// the JSON form, the whole file in Base64) and whose fetch has no upload progress. So this one call is an
// XMLHttpRequest to the same path with the same session header; failures come back as the generated client's
// errors, so they are reported like every other call.
import { FetchError, ResponseError } from "fileshare-client";

export class UploadCancelled extends Error {}

export interface UploadRequest {
  readonly done: Promise<void>;
  cancel(): void;
}

export function putFile(file: File, token: string, onProgress: (fraction: number) => void): UploadRequest {
  const request = new XMLHttpRequest();
  const done = new Promise<void>((resolve, reject) => {
    request.open("PUT", `${location.origin}/file?file_name=${encodeURIComponent(file.name)}`);
    request.setRequestHeader("x-session-token", token);
    request.setRequestHeader("Content-Type", "application/octet-stream");
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable && event.total > 0) {
        onProgress(event.loaded / event.total);
      }
    });
    request.addEventListener("load", () => {
      if (request.status === 200 || request.status === 201) {
        resolve();
        return;
      }
      const response = new Response(request.responseText, {
        status: request.status,
        statusText: request.statusText,
        headers: { "Content-Type": request.getResponseHeader("Content-Type") ?? "text/plain" },
      });
      reject(new ResponseError(response, "Response returned an error code"));
    });
    request.addEventListener("error", () => reject(new FetchError(new Error("network error"), "upload failed")));
    request.addEventListener("abort", () => reject(new UploadCancelled(`upload of ${file.name} cancelled`)));
    request.send(file);
  });
  return { done, cancel: () => request.abort() };
}
