// The versions of a file: a modal dialog listing the current one and the older ones an overwrite kept, newest
// first; on the user's own file, an older version can be restored (the service writes a copy of it as the new
// current version, so nothing is lost by restoring).
import type { FileEntry, VersionEntry } from "fileshare-client";
import { versions } from "../api";
import { h } from "../dom";
import type { FileAction, FileContext } from "../file-actions";
import { isOwn } from "../file-actions";
import { formatSize, formatTime } from "../format";
import { Modal } from "../modal";

export const fileVersions: FileAction = {
  label: (entry) => `Versions of ${entry.fileName}`,
  appliesTo: () => true,
  async run(entry, context, button) {
    await new VersionsDialog(entry, context).open(button);
  },
};

class VersionsDialog {
  private readonly modal: Modal;
  private readonly list = h("ol", { class: "links versions" });

  constructor(
    private readonly entry: FileEntry,
    private readonly context: FileContext,
  ) {
    this.modal = new Modal(`Versions of ${entry.fileName}`, "versions-dialog", context);
    this.modal.fill(
      h("p", { class: "hint" }, "An overwrite keeps what it replaces as an older version for a while. Restoring one makes a copy of it the current version."),
      this.modal.problem,
      this.modal.news,
      this.list,
    );
  }

  async open(opener: HTMLButtonElement): Promise<void> {
    this.modal.open(opener, this.list);
    await this.load();
  }

  private async load(): Promise<void> {
    try {
      const found = await versions.listVersions({
        fileName: this.entry.fileName,
        username: isOwn(this.entry, this.context.me) ? undefined : this.entry.owner,
      });
      this.list.replaceChildren(...found.map((one) => this.item(one)));
    } catch (error) {
      await this.modal.failed(error);
    }
  }

  private item(one: VersionEntry): HTMLLIElement {
    const when = formatTime(one.modified);
    const facts = `${one.current ? "Current version" : "Older version"} · ${formatSize(one.size)} · ${when}`;
    const item = h("li", {}, h("p", {}, facts));
    if (!one.current && isOwn(this.entry, this.context.me)) {
      const restore = h("button", { type: "button" }, `Restore the version of ${when}`);
      restore.addEventListener("click", () => void this.restore(one, restore));
      item.append(h("div", { class: "actions" }, restore));
    }
    return item;
  }

  private async restore(one: VersionEntry, button: HTMLButtonElement): Promise<void> {
    this.modal.clear();
    button.disabled = true;
    try {
      await versions.restoreVersion({ versionRestoreRequest: { fileName: this.entry.fileName, version: one.version } });
      this.modal.news.textContent = `Restored: the version of ${formatTime(one.modified)} is the current one again.`;
      await this.load();
      await this.context.refresh();
    } catch (error) {
      button.disabled = false;
      await this.modal.failed(error);
    }
  }
}
