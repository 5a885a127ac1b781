package dev.fileshare.api;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Puts every request body under its {@link BodyDeadline} before anything reads it, and releases the watch when
 * the answer leaves. A body cut off at its deadline was not read to its end, so its connection is closed after the
 * answer.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class BodyDeadlineFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String WATCHED = BodyDeadline.Watched.class.getName();

    private final ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "fileshare-body-deadline");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    BodyDeadline.Limits limits;

    public BodyDeadlineFilter() {
        watchdog.setRemoveOnCancelPolicy(true); // most watches end long before their deadline
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.hasEntity()) {
            BodyDeadline.Watched body =
                    BodyDeadline.watch(request.getEntityStream(), limits, watchdog, System::nanoTime);
            request.setProperty(WATCHED, body);
            request.setEntityStream(body);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(WATCHED) instanceof BodyDeadline.Watched body) {
            body.finish();
            if (body.expired() || response.getStatus() == Response.Status.REQUEST_TIMEOUT.getStatusCode()) {
                response.getHeaders().putSingle("Connection", "close");
            }
        }
    }

    @PreDestroy
    void stop() {
        watchdog.shutdownNow();
    }
}
