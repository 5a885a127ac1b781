// The table of the user's own files and those shared with them: sortable by each column, filtered by name.
import type { FileEntry } from "fileshare-client";
import { h } from "./dom";
import type { FileAction, FileContext } from "./file-actions";
import { formatSize, formatTime } from "./format";
import { clearError } from "./status";

type Column = "name" | "owner" | "size" | "modified";
type Direction = "ascending" | "descending";

const COLUMNS: ReadonlyArray<{ key: Column; title: string; compare: (a: FileEntry, b: FileEntry) => number }> = [
  { key: "name", title: "Name", compare: (a, b) => a.fileName.localeCompare(b.fileName) },
  { key: "owner", title: "Owner", compare: (a, b) => a.owner.localeCompare(b.owner) },
  { key: "size", title: "Size", compare: (a, b) => a.size - b.size },
  { key: "modified", title: "Modified", compare: (a, b) => a.modified.getTime() - b.modified.getTime() },
];

export class FileList {
  readonly element: HTMLElement;
  private entries: FileEntry[] = [];
  private sortedBy: Column = "name";
  private direction: Direction = "ascending";
  private readonly filter = h("input", { id: "filter", type: "search", autocomplete: "off" });
  private readonly headers = new Map<Column, HTMLTableCellElement>();
  private readonly body = h("tbody", { role: "rowgroup" });
  private readonly empty = h("p", { class: "empty", hidden: true });

  constructor(
    private readonly actions: readonly FileAction[],
    private readonly context: FileContext,
  ) {
    const headerRow = h("tr", { role: "row" });
    for (const column of COLUMNS) {
      const sortButton = h("button", { type: "button", class: "sort" }, column.title, h("span", { "aria-hidden": "true", class: "arrow" }));
      sortButton.addEventListener("click", () => this.sortBy(column.key));
      const header = h("th", { scope: "col", role: "columnheader" }, sortButton);
      this.headers.set(column.key, header);
      headerRow.append(header);
    }
    headerRow.append(h("th", { scope: "col", role: "columnheader", class: "actions-header" }, "Actions"));
    this.filter.addEventListener("input", () => this.render());
    this.element = h(
      "div",
      { class: "file-list" },
      h("div", { class: "field filter" }, h("label", { for: "filter" }, "Filter by name"), this.filter),
      // Scrolls sideways if it must; focusable so that a keyboard can scroll it too. At phone width app.css lays
      // the rows out as blocks: the explicit roles keep them a table for assistive technology.
      h(
        "div",
        { class: "table-scroll", role: "region", "aria-labelledby": "files-caption", tabindex: "0" },
        h("table", { role: "table" }, h("caption", { id: "files-caption" }, "Your files and files shared with you"), h("thead", { role: "rowgroup" }, headerRow), this.body),
      ),
      this.empty,
    );
    this.render();
  }

  show(entries: FileEntry[]): void {
    this.entries = entries;
    this.render();
  }

  private sortBy(column: Column): void {
    this.direction = this.sortedBy === column && this.direction === "ascending" ? "descending" : "ascending";
    this.sortedBy = column;
    this.render();
  }

  private render(): void {
    for (const [key, header] of this.headers) {
      const sorted = key === this.sortedBy;
      header.setAttribute("aria-sort", sorted ? this.direction : "none");
      header.querySelector(".arrow")!.textContent = sorted ? (this.direction === "ascending" ? " ▲" : " ▼") : "";
    }
    const compare = COLUMNS.find((column) => column.key === this.sortedBy)!.compare;
    const sign = this.direction === "ascending" ? 1 : -1;
    const needle = this.filter.value.trim().toLocaleLowerCase();
    const shown = this.entries
      .filter((entry) => entry.fileName.toLocaleLowerCase().includes(needle))
      .sort((a, b) => sign * compare(a, b) || a.key.localeCompare(b.key));
    this.body.replaceChildren(...shown.map((entry) => this.row(entry)));
    this.empty.hidden = shown.length > 0;
    this.empty.textContent = this.entries.length === 0 ? "No files yet: upload some above." : "No file name matches the filter.";
  }

  private row(entry: FileEntry): HTMLTableRowElement {
    const buttons = this.actions
      .filter((action) => action.appliesTo(entry, this.context.me))
      .map((action) => {
        const button = h("button", { type: "button" }, action.label(entry));
        button.addEventListener("click", () => {
          clearError(); // the last problem was about something else
          void action.run(entry, this.context, button);
        });
        return button;
      });
    return h(
      "tr",
      { role: "row" },
      h("th", { scope: "row", role: "rowheader", class: "name" }, entry.fileName),
      h("td", { role: "cell", "data-label": "Owner" }, entry.owner === this.context.me ? `${entry.owner} (you)` : entry.owner),
      h("td", { role: "cell", "data-label": "Size", class: "size" }, formatSize(entry.size)),
      h("td", { role: "cell", "data-label": "Modified" }, h("time", { datetime: entry.modified.toISOString() }, formatTime(entry.modified))),
      h("td", { role: "cell" }, h("div", { class: "actions" }, ...buttons)),
    );
  }
}
