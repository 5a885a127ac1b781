// The two live regions of index.html: #status (polite: progress, results) and #alert (errors).
import { byId } from "./dom";

export function announce(text: string): void {
  byId("status").textContent = text;
}

/** News with one thing to do about it, e.g. "Deleted notes.txt." with Undo; the next news replaces both. */
export function announceWithAction(text: string, action: HTMLButtonElement): void {
  byId("status").replaceChildren(text, " ", action);
}

export function showError(text: string): void {
  byId("alert").textContent = text;
}

export function clearError(): void {
  byId("alert").textContent = "";
}
