// The app's entry point. Each feature is a module; a new one adds its row actions here and, if it has a screen of its
// own, a view beside files-view, trash-view and account-view.
import { App } from "./app";
import { deleteFile } from "./features/delete";
import { download } from "./features/download";
import { leaveShare } from "./features/leave";
import { link } from "./features/links";
import { share } from "./features/share";
import { fileVersions } from "./features/versions";

// A file dropped outside the drop zone must not replace the app with the file.
for (const type of ["dragover", "drop"]) {
  window.addEventListener(type, (event) => event.preventDefault());
}

new App([download, share, link, fileVersions, deleteFile, leaveShare]).start();
