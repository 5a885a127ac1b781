// Which screen shows: the login without a session, the files with one. A 401 from any call ends the session and
// returns to the login; any other failure shows the problem's detail.
import { accounts, isUnauthorized, problemDetail } from "./api";
import { byId, h } from "./dom";
import type { FileAction } from "./file-actions";
import { filesView } from "./files-view";
import { loginView } from "./login-view";
import { currentSession, endSession } from "./session";
import { announce, clearError, showError } from "./status";

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
    announce("");
    clearError();
    const logOut = h("button", { type: "button", class: "secondary" }, "Log out");
    logOut.addEventListener("click", () => void this.logOut());
    byId("account").replaceChildren(h("span", { class: "who" }, `Logged in as ${session.username}`), logOut);
    byId("main").replaceChildren(filesView(session.username, this.actions, this.fail));
    document.title = "Files – fileshare";
    document.getElementById("files-title")?.focus();
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
