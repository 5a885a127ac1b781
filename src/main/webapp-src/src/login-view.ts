// The first screen: log in, or create an account and log in with it.
import { accounts } from "./api";
import { field, h } from "./dom";
import { startSession } from "./session";
import { announce, clearError } from "./status";

export function loginView(onLoggedIn: () => void, fail: (error: unknown) => Promise<void>): HTMLElement {
  const username = h("input", { id: "username", name: "username", autocomplete: "username", required: true });
  const password = h("input", {
    id: "password",
    name: "password",
    type: "password",
    autocomplete: "current-password",
    required: true,
  });
  const logIn = h("button", { type: "submit" }, "Log in");
  const createAccount = h("button", { type: "button", class: "secondary" }, "Create account");
  const form = h(
    "form",
    { class: "login", "aria-labelledby": "login-title" },
    h("h1", { id: "login-title" }, "Log in to fileshare"),
    field("Username", username),
    field("Password", password),
    h("div", { class: "actions" }, logIn, createAccount),
  );

  async function enter(register: boolean): Promise<void> {
    clearError();
    const credentials = { username: username.value.trim(), password: password.value };
    logIn.disabled = createAccount.disabled = true;
    try {
      if (register) {
        await accounts.register({ credentials });
      }
      const { token } = await accounts.login({ credentials });
      password.value = "";
      startSession({ username: credentials.username, token });
      onLoggedIn();
      announce(register ? `Account ${credentials.username} created; you are logged in.` : `Logged in as ${credentials.username}.`);
    } catch (error) {
      await fail(error);
    } finally {
      logIn.disabled = createAccount.disabled = false;
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void enter(false);
  });
  createAccount.addEventListener("click", () => {
    if (form.reportValidity()) {
      void enter(true);
    }
  });
  return form;
}
