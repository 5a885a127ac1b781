// Share one of the user's files: a modal dialog to share with a user, and the list of grantees, each revocable.
import type { FileEntry } from "fileshare-client";
import { isUnauthorized, problemDetail, sharing } from "../api";
import { field, h } from "../dom";
import type { FileAction, FileContext } from "../file-actions";
import { isOwn } from "../file-actions";
import { announce } from "../status";

export const share: FileAction = {
  label: (entry) => `Share ${entry.fileName}`,
  appliesTo: isOwn,
  async run(entry, context, button) {
    const dialog = new ShareDialog(entry, context);
    await dialog.open(button);
  },
};

class ShareDialog {
  private readonly element: HTMLDialogElement;
  private readonly username = h("input", { id: "share-with", name: "username", autocomplete: "off", required: true });
  private readonly grantees = h("ul", { class: "grantees" });
  private readonly none = h("p", { class: "empty" }, "Not shared with anyone yet.");
  private readonly error = h("p", { class: "alert", role: "alert" });

  constructor(
    private readonly entry: FileEntry,
    private readonly context: FileContext,
  ) {
    const form = h(
      "form",
      { class: "share-form" },
      field("Share with", this.username),
      h("button", { type: "submit" }, "Share"),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.shareWith(this.username.value.trim());
    });
    const close = h("button", { type: "button", class: "close" }, "Close");
    close.addEventListener("click", () => this.element.close());
    this.element = h(
      "dialog",
      { "aria-labelledby": "share-title", class: "share-dialog" },
      h("h2", { id: "share-title" }, `Share ${entry.fileName}`),
      form,
      this.error,
      h("h3", {}, "Shared with"),
      this.grantees,
      this.none,
      close,
    );
  }

  async open(opener: HTMLButtonElement): Promise<void> {
    document.body.append(this.element);
    this.element.addEventListener("close", () => {
      this.element.remove();
      opener.focus();
    });
    this.element.showModal();
    this.username.focus();
    await this.loadGrantees();
  }

  private async loadGrantees(): Promise<void> {
    try {
      this.showGrantees(await sharing.listShares({ fileName: this.entry.fileName }));
    } catch (error) {
      await this.failed(error);
    }
  }

  private showGrantees(usernames: string[]): void {
    this.grantees.replaceChildren(
      ...usernames.map((username) => {
        const revoke = h("button", { type: "button" }, `Revoke ${username}`);
        revoke.addEventListener("click", () => void this.revoke(username));
        return h("li", {}, h("span", {}, username), revoke);
      }),
    );
    this.none.hidden = usernames.length > 0;
  }

  private async shareWith(username: string): Promise<void> {
    this.error.textContent = "";
    try {
      await sharing.shareFile({ shareRequest: { fileName: this.entry.fileName, username } });
      this.username.value = "";
      announce(`Shared ${this.entry.fileName} with ${username}.`);
      await this.loadGrantees();
    } catch (error) {
      await this.failed(error);
    }
  }

  private async revoke(username: string): Promise<void> {
    this.error.textContent = "";
    try {
      await sharing.revokeShare({ fileName: this.entry.fileName, username });
      announce(`${this.entry.fileName} is no longer shared with ${username}.`);
      await this.loadGrantees();
      this.username.focus();
    } catch (error) {
      await this.failed(error);
    }
  }

  /** Errors show inside the dialog (the page behind a modal dialog is inert); a 401 closes it for the login. */
  private async failed(error: unknown): Promise<void> {
    if (isUnauthorized(error)) {
      this.element.close();
      await this.context.fail(error);
      return;
    }
    this.error.textContent = await problemDetail(error);
  }
}
