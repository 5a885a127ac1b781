// Share one of the user's files: a modal dialog to share with a user, and the list of grantees, each revocable.
import type { FileEntry } from "fileshare-client";
import { sharing } from "../api";
import { field, h } from "../dom";
import type { FileAction, FileContext } from "../file-actions";
import { isOwn } from "../file-actions";
import { Modal } from "../modal";

export const share: FileAction = {
  label: (entry) => `Share ${entry.fileName}`,
  appliesTo: isOwn,
  async run(entry, context, button) {
    const dialog = new ShareDialog(entry, context);
    await dialog.open(button);
  },
};

class ShareDialog {
  private readonly modal: Modal;
  private readonly username = h("input", { id: "share-with", name: "username", autocomplete: "off", required: true });
  private readonly grantees = h("ul", { class: "grantees" });
  private readonly none = h("p", { class: "empty" }, "Not shared with anyone yet.");

  constructor(
    private readonly entry: FileEntry,
    context: FileContext,
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
    this.modal = new Modal(`Share ${entry.fileName}`, "share-dialog", context);
    this.modal.fill(form, this.modal.problem, h("h3", {}, "Shared with"), this.grantees, this.none);
  }

  async open(opener: HTMLButtonElement): Promise<void> {
    this.modal.open(opener, this.username);
    await this.loadGrantees();
  }

  private async loadGrantees(): Promise<void> {
    try {
      this.showGrantees(await sharing.listShares({ fileName: this.entry.fileName }));
    } catch (error) {
      await this.modal.failed(error);
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
    this.modal.clear();
    try {
      await sharing.shareFile({ shareRequest: { fileName: this.entry.fileName, username } });
      this.username.value = "";
      this.modal.news.textContent = `Shared ${this.entry.fileName} with ${username}.`;
      await this.loadGrantees();
    } catch (error) {
      await this.modal.failed(error);
    }
  }

  private async revoke(username: string): Promise<void> {
    this.modal.clear();
    try {
      await sharing.revokeShare({ fileName: this.entry.fileName, username });
      this.modal.news.textContent = `${this.entry.fileName} is no longer shared with ${username}.`;
      await this.loadGrantees();
      this.username.focus();
    } catch (error) {
      await this.modal.failed(error);
    }
  }
}
