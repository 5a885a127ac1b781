// Uploads by file picker or drag and drop, several at once, each with its progress bar and a cancel button: through
// tus where the server offers it (resumable), else as one PUT /file.
import { h } from "../dom";
import type { FileContext } from "../file-actions";
import { currentSession } from "../session";
import { announce, clearError } from "../status";
import { serverOffersTus, tusUpload } from "./tus-request";
import { putFile, UploadCancelled, type UploadRequest } from "./upload-request";

export class UploadPanel {
  readonly element: HTMLElement;
  private readonly uploads = h("ul", { class: "uploads", "aria-label": "Uploads in progress" });
  private readonly dropZone: HTMLElement;

  constructor(private readonly context: FileContext) {
    void serverOffersTus(); // asked now, so that the first upload need not wait for the answer
    const picker = h("input", { id: "choose-files", type: "file", multiple: true });
    picker.addEventListener("change", () => {
      this.uploadAll(Array.from(picker.files ?? []));
      picker.value = "";
    });
    this.dropZone = h(
      "div",
      { class: "drop-zone" },
      h("label", { for: "choose-files" }, "Choose files"),
      picker,
      h("p", { class: "hint" }, "or drop files here"),
    );
    this.dropZone.addEventListener("dragover", (event) => {
      event.preventDefault();
      this.dropZone.classList.add("dragging");
    });
    this.dropZone.addEventListener("dragleave", () => this.dropZone.classList.remove("dragging"));
    this.dropZone.addEventListener("drop", (event) => {
      event.preventDefault();
      this.dropZone.classList.remove("dragging");
      this.uploadAll(Array.from(event.dataTransfer?.files ?? []));
    });
    this.element = h(
      "section",
      { class: "upload", "aria-labelledby": "upload-title" },
      h("h2", { id: "upload-title" }, "Upload"),
      this.dropZone,
      this.uploads,
    );
  }

  private uploadAll(files: File[]): void {
    if (files.length === 0) {
      return;
    }
    clearError();
    announce(files.length === 1 ? `Uploading ${files[0].name}.` : `Uploading ${files.length} files.`);
    for (const file of files) {
      void this.upload(file);
    }
  }

  private async upload(file: File): Promise<void> {
    const session = currentSession();
    if (session === null) {
      return;
    }
    const progress = h("progress", { max: "100", value: "0", "aria-label": `Uploading ${file.name}` });
    const cancel = h("button", { type: "button" }, `Cancel ${file.name}`);
    const item = h("li", {}, h("span", { class: "name" }, file.name), progress, cancel);
    this.uploads.append(item);
    // A cancel before the request starts (while asking whether the server speaks tus) starts none.
    let request: UploadRequest | null = null;
    let cancelledEarly = false;
    cancel.addEventListener("click", () => {
      cancelledEarly = request === null;
      request?.cancel();
    });
    try {
      const send = (await serverOffersTus()) ? tusUpload : putFile;
      if (cancelledEarly) {
        throw new UploadCancelled(`upload of ${file.name} cancelled`);
      }
      request = send(file, session.token, (fraction) => {
        progress.value = Math.round(fraction * 100);
      });
      await request.done;
      announce(`Uploaded ${file.name}.`);
      await this.context.refresh();
    } catch (error) {
      if (error instanceof UploadCancelled) {
        announce(`Cancelled the upload of ${file.name}.`);
      } else {
        await this.context.fail(error);
      }
    } finally {
      const hadFocus = item.contains(document.activeElement);
      item.remove();
      if (hadFocus) {
        this.context.focusList();
      }
    }
  }
}
