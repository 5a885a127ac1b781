// The account screen: what the user stores (older versions and the trash included, against the quotas when set),
// changing the password, and logging out everywhere.
import type { Account } from "fileshare-client";
import { accounts } from "./api";
import { h } from "./dom";
import { passwordForm } from "./features/password";
import { formatSize, formatTime } from "./format";

export interface AccountActions {
  fail(error: unknown): Promise<void>;
  /** Every session ended, this one too: back to the login. */
  loggedOutEverywhere(): void;
}

export function accountView(actions: AccountActions): HTMLElement {
  const title = h("h1", { id: "account-title", tabindex: "-1" }, "Account");
  const usage = h("dl", { class: "usage" });
  const usageSection = h("section", { class: "panel", "aria-labelledby": "usage-title", "aria-busy": "true" }, h("h2", { id: "usage-title" }, "Usage"), usage);
  void (async () => {
    try {
      showUsage(usage, await accounts.getAccount());
      usageSection.removeAttribute("aria-busy");
    } catch (error) {
      await actions.fail(error);
    }
  })();

  const everywhere = h("button", { type: "button", class: "danger" }, "Log out everywhere");
  everywhere.addEventListener("click", async () => {
    everywhere.disabled = true;
    try {
      await accounts.logoutEverywhere();
      actions.loggedOutEverywhere();
    } catch (error) {
      everywhere.disabled = false;
      await actions.fail(error);
    }
  });
  return h(
    "section",
    { class: "account", "aria-labelledby": "account-title" },
    title,
    usageSection,
    passwordForm(actions.fail),
    h(
      "section",
      { class: "panel", "aria-labelledby": "sessions-title" },
      h("h2", { id: "sessions-title" }, "Sessions"),
      h("p", {}, "Lost a device, or logged in somewhere you should not have? This ends every session of yours on every device, this one included."),
      everywhere,
    ),
  );
}

function showUsage(list: HTMLElement, account: Account): void {
  list.replaceChildren(
    ...fact("Username", account.username),
    ...fact("Member since", formatTime(account.created)),
    ...fact("Storage", measure(account.usedBytes, account.quotaBytes, formatSize, "usage-bytes")),
    ...fact("Files", measure(account.files, account.quotaFiles, (count) => (count === 1 ? "1 file" : `${count} files`), "usage-files")),
  );
}

function fact(term: string, value: Node | string): HTMLElement[] {
  return [h("dt", {}, term), h("dd", {}, value)];
}

/** "20 MiB used, no quota", or with a quota a meter and "20 MiB of 1.0 GiB used". */
function measure(used: number, quota: number | null, format: (value: number) => string, id: string): Node {
  if (quota === null) {
    return h("span", { id }, `${format(used)} used, no quota`);
  }
  const text = h("span", { id }, `${format(used)} of ${format(quota)} used`);
  return h(
    "span",
    { class: "measure" },
    h("meter", { min: "0", max: String(quota), value: String(Math.min(used, quota)), high: String(quota * 0.9), "aria-labelledby": id }),
    text,
  );
}
