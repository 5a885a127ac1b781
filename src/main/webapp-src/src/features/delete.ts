// Delete one of the user's own files. The service moves it to the trash (POST /trash/restore brings it back, without
// its shares); the app has no trash screen yet, so it offers no undo here.
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
