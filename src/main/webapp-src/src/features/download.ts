// Download: a short-lived URL from the API that needs no session, opened as a link, so the browser streams the
// file to disk itself however large it is.
import { files } from "../api";
import { h } from "../dom";
import type { FileAction } from "../file-actions";
import { isOwn } from "../file-actions";
import { announce } from "../status";

export const download: FileAction = {
  label: (entry) => `Download ${entry.fileName}`,
  appliesTo: () => true,
  async run(entry, context) {
    try {
      const { url } = await files.createDownloadUrl({
        fileName: entry.fileName,
        username: isOwn(entry, context.me) ? undefined : entry.owner,
      });
      const link = h("a", { href: url, download: entry.fileName, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      announce(`Downloading ${entry.fileName}.`);
    } catch (error) {
      await context.fail(error);
    }
  },
};
