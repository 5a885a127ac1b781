// A modal dialog over the files. Escape or Close closes it and the focus goes back to the button that opened it.
// Its news and problems show inside it: the page behind a modal dialog, with its live regions, is inert.
import { isUnauthorized, problemDetail } from "./api";
import { h } from "./dom";
import type { FileContext } from "./file-actions";

let dialogs = 0;

export class Modal {
  /** Errors: a failed call's problem detail. */
  readonly problem = h("p", { class: "alert", role: "alert" });
  /** Results, announced politely. */
  readonly news = h("p", { class: "dialog-status", role: "status" });
  private readonly element: HTMLDialogElement;
  private readonly close = h("button", { type: "button", class: "close" }, "Close");

  constructor(
    title: string,
    className: string,
    private readonly context: FileContext,
  ) {
    const titleId = `dialog-title-${++dialogs}`;
    this.close.addEventListener("click", () => this.element.close());
    this.element = h("dialog", { "aria-labelledby": titleId, class: className }, h("h2", { id: titleId }, title), this.close);
  }

  /** Puts the dialog's content between its title and its Close button. */
  fill(...content: Node[]): void {
    this.close.before(...content);
  }

  open(opener: HTMLElement, firstFocus: HTMLElement): void {
    document.body.append(this.element);
    this.element.addEventListener("close", () => {
      this.element.remove();
      opener.focus();
    });
    this.element.showModal();
    firstFocus.focus();
  }

  /** A new action's outcome replaces the last one's. */
  clear(): void {
    this.problem.textContent = "";
    this.news.textContent = "";
  }

  /** A failed call's detail shows in the dialog; a 401 closes it for the login. */
  async failed(error: unknown): Promise<void> {
    if (isUnauthorized(error)) {
      this.element.close();
      await this.context.fail(error);
      return;
    }
    this.problem.textContent = await problemDetail(error);
  }
}
