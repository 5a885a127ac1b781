// What a row of the file list offers. Each feature is a module that exports its actions (download, share, link,
// versions, delete, leave): the list shows the ones that apply, in the order main.ts gives them.
import type { FileEntry } from "fileshare-client";

export interface FileContext {
  /** The logged-in user. */
  readonly me: string;
  /** Reads the list again from the server. */
  refresh(): Promise<void>;
  /** Shows a failed call's problem, or returns to the login on a 401. */
  fail(error: unknown): Promise<void>;
  /** Puts the focus back on the list, e.g. after the row that had it is gone. */
  focusList(): void;
}

export interface FileAction {
  /** The button's text, which is its accessible name and names the file: "Download notes.txt". */
  label(entry: FileEntry): string;
  appliesTo(entry: FileEntry, me: string): boolean;
  run(entry: FileEntry, context: FileContext, button: HTMLButtonElement): Promise<void>;
}

export function isOwn(entry: FileEntry, me: string): boolean {
  return entry.owner === me;
}
