// The API, only through the client generated from src/main/openapi/openapi.yaml, on this page's own origin.
import { AccountsApi, Configuration, FetchError, FilesApi, LinksApi, ResponseError, SharingApi, TrashApi, VersionsApi } from "fileshare-client";
import { currentSession } from "./session";

const configuration = new Configuration({
  basePath: location.origin,
  apiKey: () => currentSession()?.token ?? "",
});

export const accounts = new AccountsApi(configuration);
export const files = new FilesApi(configuration);
export const sharing = new SharingApi(configuration);
export const links = new LinksApi(configuration);
export const versions = new VersionsApi(configuration);
export const trash = new TrashApi(configuration);

/** The problem+json `detail` of a failed call, or what went wrong in plain words. */
export async function problemDetail(error: unknown): Promise<string> {
  if (error instanceof ResponseError) {
    try {
      const problem = (await error.response.clone().json()) as { detail?: unknown };
      if (typeof problem.detail === "string" && problem.detail !== "") {
        return problem.detail;
      }
    } catch {
      // not problem+json: say what status came back
    }
    return `The server answered ${error.response.status} ${error.response.statusText}.`.trim();
  }
  if (error instanceof FetchError) {
    return "The server could not be reached. Check the connection and try again.";
  }
  return error instanceof Error ? error.message : String(error);
}

/** A 401: the session is unknown, expired or logged out elsewhere. */
export function isUnauthorized(error: unknown): boolean {
  return error instanceof ResponseError && error.response.status === 401;
}
