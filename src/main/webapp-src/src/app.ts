// Which screen shows: the login without a session; with one, the files, the trash or the account, chosen in the header. A 401
// from any call ends the session and returns to the login; any other failure shows the problem's detail.
import { accounts, isUnauthorized, problemDetail } from "./api";
import { accountView } from "./account-view";
import { byId, h } from "./dom";
import type { FileAction } from "./file-actions";
import { filesView } from "./files-view";
import { loginView } from "./login-view";
import { trashView } from "./trash-view";
import { currentSession, endSession } from "./session";
import { announce, clearError, showError } from "./status";

const SCREENS = ["Files", "Trash", "Account"] as const;
type Screen = (typeof SCREENS)[number];

export class App {
  constructor(private readonly actions: readonly FileAction[]) {}

  start(): void {
    if (currentSession() === null) {
      this.showLogin();
    } else {
      this.showFiles();
    }
  }

  readonly fail = async (error: unknown): Promise<void> => {
    if (isUnauthorized(error) && currentSession() !== null) {
      endSession();
      this.showLogin();
      showError("Your session has ended. Please log in again.");
      return;
    }
    showError(await problemDetail(error));
  };

  private showLogin(): void {
    // What the last user did stays with them: nothing of it shows to whoever logs in next in this tab.
    announce("");
    clearError();
    byId("account").replaceChildren();
    byId("main").replaceChildren(loginView(() => this.showFiles(), this.fail));
    document.title = "Log in – fileshare";
    document.getElementById("username")?.focus();
  }

  private showFiles(): void {
    const session = currentSession()!;
    this.showScreen("Files", filesView(session.username, this.actions, this.fail));
    document.getElementById("files-title")?.focus();
  }

  private showTrash(): void {
    this.showScreen("Trash", trashView(this.fail));
    document.getElementById("trash-title")?.focus();
  }

  private showAccount(): void {
    this.showScreen(
      "Account",
      accountView({
        fail: this.fail,
        loggedOutEverywhere: () => {
          endSession();
          this.showLogin();
          announce("Logged out everywhere: every session of yours has ended.");
        },
      }),
    );
    document.getElementById("account-title")?.focus();
  }

  private showScreen(screen: Screen, view: HTMLElement): void {
    announce("");
    clearError();
    const session = currentSession()!;
    const choices = SCREENS.map((name) => {
      const button = h("button", { type: "button", class: "secondary", "aria-current": name === screen ? "page" : undefined }, name);
      button.addEventListener("click", () => this.show(name));
      return h("li", {}, button);
    });
    const logOut = h("button", { type: "button", class: "secondary" }, "Log out");
    logOut.addEventListener("click", () => void this.logOut());
    byId("account").replaceChildren(
      h("span", { class: "who" }, `Logged in as ${session.username}`),
      h("nav", { "aria-label": "Screens" }, h("ul", {}, ...choices)),
      logOut,
    );
    byId("main").replaceChildren(view);
    document.title = `${screen} – fileshare`;
  }

  private show(screen: Screen): void {
    if (screen === "Files") {
      this.showFiles();
    } else if (screen === "Trash") {
      this.showTrash();
    } else {
      this.showAccount();
    }
  }

  private async logOut(): Promise<void> {
    try {
      await accounts.logout();
    } catch {
      // the session ends here whatever the server said (it may have ended there already)
    }
    endSession();
    this.showLogin();
    announce("Logged out.");
  }
}
