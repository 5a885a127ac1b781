// The session token: in memory, and in sessionStorage so that a reload of this tab keeps it (never a cookie, so
// no request is sent with it unless this code adds it: no CSRF). Cleared on log out and when the server says 401.
export interface Session {
  readonly username: string;
  readonly token: string;
}

const STORAGE_KEY = "fileshare.session";

let current: Session | null = restore();

function restore(): Session | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "null") as Partial<Session> | null;
    return typeof stored?.username === "string" && typeof stored.token === "string"
      ? { username: stored.username, token: stored.token }
      : null;
  } catch {
    return null;
  }
}

export function currentSession(): Session | null {
  return current;
}

export function startSession(session: Session): void {
  current = session;
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function endSession(): void {
  current = null;
  sessionStorage.removeItem(STORAGE_KEY);
}
