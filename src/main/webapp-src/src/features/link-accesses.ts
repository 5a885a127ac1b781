// A public link's access log, shown under the link on request: every request the link answered, the latest first.
import type { LinkAccess } from "fileshare-client";
import { links } from "../api";
import { h } from "../dom";
import { formatSize, formatTime } from "../format";

export class AccessLog {
  readonly toggle: HTMLButtonElement;
  readonly element: HTMLElement;
  private readonly entries = h("ol", { class: "accesses" });

  constructor(
    private readonly handle: string,
    private readonly fail: (error: unknown) => Promise<void>,
  ) {
    const id = `accesses-${handle}`;
    this.element = h("div", { id, class: "access-log", hidden: true }, this.entries);
    this.toggle = h("button", { type: "button", "aria-expanded": "false", "aria-controls": id, "aria-label": `Access log of link ${handle}` }, "Access log");
    this.toggle.addEventListener("click", () => void (this.element.hidden ? this.show() : this.hide()));
  }

  private async show(): Promise<void> {
    try {
      const accesses = await links.listLinkAccesses({ id: this.handle });
      this.entries.replaceChildren(...(accesses.length === 0 ? [h("li", { class: "empty" }, "No one has used this link yet.")] : accesses.map(entry)));
      this.element.hidden = false;
      this.toggle.setAttribute("aria-expanded", "true");
    } catch (error) {
      await this.fail(error);
    }
  }

  private hide(): void {
    this.element.hidden = true;
    this.toggle.setAttribute("aria-expanded", "false");
  }
}

/** "24 Nov 2026, 12:00 · 200 · 1.0 MiB · 203.0.113.0/24 · curl/8.5.0" */
function entry(access: LinkAccess): HTMLLIElement {
  return h(
    "li",
    {},
    h("time", { datetime: access.at.toISOString() }, formatTime(access.at)),
    ` · ${access.status} · ${formatSize(access.bytes)} · ${access.address} · ${access.userAgent === "" ? "no user agent" : access.userAgent}`,
  );
}
