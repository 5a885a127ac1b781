// Leave a share: a file someone shared with the user goes from their list (the owner's file stays).
import { sharing } from "../api";
import type { FileAction } from "../file-actions";
import { isOwn } from "../file-actions";
import { announce } from "../status";

export const leaveShare: FileAction = {
  label: (entry) => `Leave ${entry.fileName}`,
  appliesTo: (entry, me) => !isOwn(entry, me),
  async run(entry, context, button) {
    button.disabled = true;
    try {
      await sharing.leaveShare({ fileName: entry.fileName, owner: entry.owner });
      announce(`Left ${entry.fileName}, shared by ${entry.owner}.`);
      await context.refresh();
      context.focusList();
    } catch (error) {
      button.disabled = false;
      await context.fail(error);
    }
  },
};
