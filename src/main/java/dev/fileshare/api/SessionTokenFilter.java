package dev.fileshare.api;

import dev.fileshare.core.AccountService;
import dev.fileshare.core.model.AuthenticationException;
import dev.fileshare.core.model.Username;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;

/** Lets an {@link Authenticated} request through only with a live session, and makes its user the caller. */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class SessionTokenFilter implements ContainerRequestFilter {

    @Inject
    AccountService accounts;

    @Context
    HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext request) {
        String sent = SessionTokens.sent(headers)
                .orElseThrow(() -> new AuthenticationException(
                        "This operation needs a session token: send x-session-token or Authorization: Bearer."));
        Username caller = SessionTokens.wellFormed(sent)
                .flatMap(accounts::authenticate)
                .orElseThrow(() -> new AuthenticationException("The session token is unknown, expired or logged out."));
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerContext(caller, secure));
    }

    /** The authenticated caller of one request. */
    record CallerContext(Username caller, boolean isSecure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return caller::value;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public String getAuthenticationScheme() {
            return "x-session-token";
        }
    }

    /** The caller of a request that passed this filter. */
    static Username callerOf(SecurityContext context) {
        // The injected context may be a proxy of ours, so go through the principal's name.
        return new Username(context.getUserPrincipal().getName());
    }
}
