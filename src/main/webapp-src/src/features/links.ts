// Public links to one of the user's files: a modal dialog that creates one (expiry, optional password, optional
// download limit) and shows its URL the only time the service tells it, lists the file's links with their use,
// shows each one's access log and revokes them.
import type { FileEntry, Link, NewLink } from "fileshare-client";
import { links } from "../api";
import { field, h } from "../dom";
import type { FileAction, FileContext } from "../file-actions";
import { isOwn } from "../file-actions";
import { formatTime } from "../format";
import { Modal } from "../modal";
import { AccessLog } from "./link-accesses";

export const link: FileAction = {
  label: (entry) => `Link ${entry.fileName}`,
  appliesTo: isOwn,
  async run(entry, context, button) {
    const dialog = new LinkDialog(entry, context);
    await dialog.open(button);
  },
};

const HOUR = 3600;
const EXPIRIES: ReadonlyArray<{ seconds: number; text: string }> = [
  { seconds: HOUR, text: "1 hour" },
  { seconds: 24 * HOUR, text: "1 day" },
  { seconds: 7 * 24 * HOUR, text: "7 days" },
  { seconds: 30 * 24 * HOUR, text: "30 days" },
];
const DEFAULT_EXPIRY = 7 * 24 * HOUR;

class LinkDialog {
  private readonly modal: Modal;
  private readonly expiresIn = h(
    "select",
    { id: "link-expires-in", name: "expires_in" },
    ...EXPIRIES.map(({ seconds, text }) => h("option", { value: String(seconds), selected: seconds === DEFAULT_EXPIRY }, text)),
  );
  private readonly password = h("input", { id: "link-password", name: "password", type: "password", autocomplete: "new-password", maxlength: "1024" });
  private readonly maxDownloads = h("input", { id: "link-max-downloads", name: "max_downloads", type: "number", min: "1", step: "1", inputmode: "numeric" });
  private readonly url = h("input", { id: "link-url", readonly: true, autocomplete: "off", spellcheck: "false" });
  private readonly created = h(
    "section",
    { class: "new-link", "aria-labelledby": "new-link-title", hidden: true },
    h("h3", { id: "new-link-title" }, "Your new link"),
    h("p", {}, "Copy the URL now: it is shown only this once. The service keeps only a hash of it, so it cannot show it again."),
  );
  private readonly list = h("ul", { class: "links" });
  private readonly none = h("p", { class: "empty" }, "No links to this file yet.");

  constructor(
    private readonly entry: FileEntry,
    context: FileContext,
  ) {
    const form = h(
      "form",
      { class: "link-form" },
      field("Expires in", this.expiresIn),
      field("Password (optional)", this.password),
      field("Download limit (optional)", this.maxDownloads),
      h("button", { type: "submit" }, "Create link"),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.create();
    });
    const copy = h("button", { type: "button" }, "Copy link");
    copy.addEventListener("click", () => void this.copy());
    this.created.append(field("Link URL", this.url), copy);
    this.modal = new Modal(`Public links to ${entry.fileName}`, "link-dialog", context);
    this.modal.fill(
      h("p", { class: "hint" }, "Anyone with a link's URL downloads this file without logging in, until the link expires, its downloads are used up or you revoke it."),
      form,
      this.modal.problem,
      this.modal.news,
      this.created,
      h("h3", {}, "Links to this file"),
      this.list,
      this.none,
    );
  }

  async open(opener: HTMLButtonElement): Promise<void> {
    this.modal.open(opener, this.expiresIn);
    await this.loadLinks();
  }

  private async loadLinks(): Promise<void> {
    try {
      this.showLinks(await links.listLinks({ fileName: this.entry.fileName }));
    } catch (error) {
      await this.modal.failed(error);
    }
  }

  private showLinks(found: Link[]): void {
    this.list.replaceChildren(...found.map((one) => this.item(one)));
    this.none.hidden = found.length > 0;
  }

  private item(one: Link): HTMLLIElement {
    const accessLog = new AccessLog(one.handle, (error) => this.modal.failed(error));
    const revoke = h("button", { type: "button", "aria-label": `Revoke link ${one.handle}` }, "Revoke link");
    revoke.addEventListener("click", () => void this.revoke(one.handle));
    return h(
      "li",
      {},
      h("p", { class: "link-name" }, `Link ${one.handle}`),
      h("p", { class: "link-facts" }, describe(one)),
      h("div", { class: "actions" }, accessLog.toggle, revoke),
      accessLog.element,
    );
  }

  private async create(): Promise<void> {
    this.modal.clear();
    const limit = this.maxDownloads.value.trim();
    try {
      const created = await links.createLink({
        linkRequest: {
          fileName: this.entry.fileName,
          expiresIn: Number(this.expiresIn.value),
          password: this.password.value === "" ? undefined : this.password.value,
          maxDownloads: limit === "" ? undefined : Number(limit),
        },
      });
      this.password.value = "";
      this.maxDownloads.value = "";
      this.showCreated(created);
      await this.loadLinks();
    } catch (error) {
      await this.modal.failed(error);
    }
  }

  private showCreated(created: NewLink): void {
    this.url.value = created.url;
    this.created.hidden = false;
    this.modal.news.textContent = `Created a link to ${created.fileName}, valid until ${formatTime(created.expiresAt)}. Copy its URL now: it is shown only once.`;
    this.url.focus();
    this.url.select();
  }

  private async copy(): Promise<void> {
    this.modal.clear();
    try {
      await navigator.clipboard.writeText(this.url.value);
      this.modal.news.textContent = "Copied the link's URL.";
    } catch {
      // No clipboard (permission denied, or not a secure context): the URL is selected for the person to copy.
      this.url.focus();
      this.url.select();
      this.modal.news.textContent = "The browser did not allow copying: the URL is selected, copy it with Ctrl+C or ⌘C.";
    }
  }

  private async revoke(handle: string): Promise<void> {
    this.modal.clear();
    try {
      await links.deleteLink({ id: handle });
      this.modal.news.textContent = `Revoked link ${handle}: its URL answers nothing from now on.`;
      await this.loadLinks();
      this.expiresIn.focus();
    } catch (error) {
      await this.modal.failed(error);
    }
  }
}

/** "Created …; expires …; 1 of 3 downloads; password", or what ended it. */
function describe(one: Link): string {
  const facts = [`Created ${formatTime(one.created)}`];
  const expired = one.expiresAt.getTime() <= Date.now();
  facts.push(`${expired ? "expired" : "expires"} ${formatTime(one.expiresAt)}`);
  const downloads = one.downloads === 1 ? "1 download" : `${one.downloads} downloads`;
  facts.push(one.maxDownloads === null ? `${downloads}, no limit` : `${one.downloads} of ${one.maxDownloads} downloads`);
  if (one.maxDownloads !== null && one.downloads >= one.maxDownloads) {
    facts.push("used up");
  }
  facts.push(one.hasPassword ? "password" : "no password");
  return facts.join("; ");
}
