// Delete one of the user's own files. The service moves it to the trash with its older versions (its shares and
// links end at once); where the trash holds it, the news offers to undo the delete, which brings it back from there.
import { files, trash } from "../api";
import { h } from "../dom";
import type { FileAction, FileContext } from "../file-actions";
import { isOwn } from "../file-actions";
import { announce, announceWithAction } from "../status";

export const deleteFile: FileAction = {
  label: (entry) => `Delete ${entry.fileName}`,
  appliesTo: isOwn,
  async run(entry, context, button) {
    button.disabled = true;
    try {
      await files.deleteFile({ fileName: entry.fileName });
      // A store that keeps no trash (the aws mode without bucket versioning) deletes for good: no undo there.
      const trashed = (await trash.listTrash()).some((one) => one.fileName === entry.fileName);
      if (trashed) {
        announceWithAction(`Moved ${entry.fileName} to the trash.`, undoButton(entry.fileName, context));
      } else {
        announce(`Deleted ${entry.fileName}.`);
      }
      await context.refresh();
      context.focusList();
    } catch (error) {
      button.disabled = false;
      await context.fail(error);
    }
  },
};

function undoButton(fileName: string, context: FileContext): HTMLButtonElement {
  const undo = h("button", { type: "button", class: "secondary" }, `Undo delete of ${fileName}`);
  undo.addEventListener("click", async () => {
    undo.disabled = true;
    try {
      await trash.restoreFromTrash({ trashRestoreRequest: { fileName } });
      announce(`Restored ${fileName} (without its shares and links).`);
      await context.refresh();
      context.focusList();
    } catch (error) {
      undo.disabled = false;
      await context.fail(error);
    }
  });
  return undo;
}
