// Delete one of the user's own files. There is no undo: the service keeps no trash or versions yet, and a re-upload
// of bytes held in the page would lose the file's shares and history, so it would not be an honest undo.
import { files } from "../api";
import type { FileAction } from "../file-actions";
import { isOwn } from "../file-actions";
import { announce } from "../status";

export const deleteFile: FileAction = {
  label: (entry) => `Delete ${entry.fileName}`,
  appliesTo: isOwn,
  async run(entry, context, button) {
    button.disabled = true;
    try {
      await files.deleteFile({ fileName: entry.fileName });
      announce(`Deleted ${entry.fileName}.`);
      await context.refresh();
      context.focusList();
    } catch (error) {
      button.disabled = false;
      await context.fail(error);
    }
  },
};
