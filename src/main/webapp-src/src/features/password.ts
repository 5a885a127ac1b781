// Change the password, proving the current one. The server ends every other session of the user; this one stays.
import { accounts } from "../api";
import { field, h } from "../dom";
import { announce, clearError } from "../status";

export function passwordForm(fail: (error: unknown) => Promise<void>): HTMLElement {
  const current = h("input", { id: "current-password", name: "current_password", type: "password", autocomplete: "current-password", required: true });
  const next = h("input", {
    id: "new-password",
    name: "new_password",
    type: "password",
    autocomplete: "new-password",
    required: true,
    "aria-describedby": "new-password-hint",
  });
  const submit = h("button", { type: "submit" }, "Change password");
  const form = h(
    "form",
    { class: "panel password-form", "aria-labelledby": "password-title" },
    h("h2", { id: "password-title" }, "Change password"),
    field("Current password", current),
    field("New password", next),
    h("p", { id: "new-password-hint", class: "hint" }, "At least 8 characters. Your other sessions end; this one stays."),
    submit,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearError();
    announce("");
    submit.disabled = true;
    try {
      await accounts.changePassword({ passwordChange: { currentPassword: current.value, newPassword: next.value } });
      current.value = next.value = "";
      announce("Password changed. Your other sessions have ended.");
    } catch (error) {
      await fail(error);
      current.focus();
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
