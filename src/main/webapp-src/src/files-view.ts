// The logged-in screen: uploads, then the list of files with each row's actions.
import { files } from "./api";
import { h } from "./dom";
import type { FileAction, FileContext } from "./file-actions";
import { FileList } from "./file-list";
import { UploadPanel } from "./features/upload";

export function filesView(me: string, actions: readonly FileAction[], fail: (error: unknown) => Promise<void>): HTMLElement {
  const title = h("h1", { id: "files-title", tabindex: "-1" }, "Files");
  const context: FileContext = {
    me,
    fail,
    refresh: async () => {
      try {
        list.show(await files.listFiles());
      } catch (error) {
        await fail(error);
      }
    },
    focusList: () => title.focus(),
  };
  const list = new FileList(actions, context);
  const upload = new UploadPanel(context);
  void context.refresh();
  return h("section", { class: "files", "aria-labelledby": "files-title" }, title, upload.element, list.element);
}
