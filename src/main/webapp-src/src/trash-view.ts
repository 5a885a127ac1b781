// The trash screen: the files the user deleted, each until its purge date, to restore (without the shares and links
// it had) or to delete for good at once.
import type { TrashEntry } from "fileshare-client";
import { trash } from "./api";
import { h } from "./dom";
import { formatSize, formatTime } from "./format";
import { announce } from "./status";

export function trashView(fail: (error: unknown) => Promise<void>): HTMLElement {
  const title = h("h1", { id: "trash-title", tabindex: "-1" }, "Trash");
  const list = h("ul", { class: "links trash" });
  const empty = h("p", { class: "empty", hidden: true }, "The trash is empty.");
  const section = h(
    "section",
    { class: "trash-screen", "aria-labelledby": "trash-title", "aria-busy": "true" },
    title,
    h("p", { class: "hint" }, "Deleted files stay here for a while with their older versions, then go for good by themselves."),
    list,
    empty,
  );

  const load = async (): Promise<void> => {
    try {
      const found = await trash.listTrash();
      list.replaceChildren(...found.map((one) => item(one)));
      empty.hidden = found.length > 0;
      section.removeAttribute("aria-busy");
    } catch (error) {
      await fail(error);
    }
  };

  const act = async (button: HTMLButtonElement, call: () => Promise<unknown>, news: string): Promise<void> => {
    button.disabled = true;
    try {
      await call();
      announce(news);
      await load();
      title.focus();
    } catch (error) {
      button.disabled = false;
      await fail(error);
    }
  };

  const item = (one: TrashEntry): HTMLLIElement => {
    const restore = h("button", { type: "button" }, `Restore ${one.fileName}`);
    restore.addEventListener("click", () =>
      void act(restore, () => trash.restoreFromTrash({ trashRestoreRequest: { fileName: one.fileName } }), `Restored ${one.fileName} (without its shares and links).`),
    );
    const purge = h("button", { type: "button", class: "danger" }, `Delete ${one.fileName} for good`);
    purge.addEventListener("click", () => void act(purge, () => trash.purgeFromTrash({ fileName: one.fileName }), `Deleted ${one.fileName} for good.`));
    return h(
      "li",
      {},
      h("p", { class: "link-name" }, one.fileName),
      h("p", { class: "link-facts" }, `${formatSize(one.size)} · deleted ${formatTime(one.deleted)} · gone for good ${formatTime(one.purgeAt)}`),
      h("div", { class: "actions" }, restore, purge),
    );
  };

  void load();
  return section;
}
