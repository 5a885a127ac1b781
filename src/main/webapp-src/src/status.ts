// The two live regions of index.html: #status (polite: progress, results) and #alert (errors).
import { byId } from "./dom";

export function announce(text: string): void {
  byId("status").textContent = text;
}

export function showError(text: string): void {
  byId("alert").textContent = text;
}

export function clearError(): void {
  byId("alert").textContent = "";
}
