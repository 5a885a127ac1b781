package dev.fileshare.api;

import dev.fileshare.core.LinkService;
import dev.fileshare.core.model.ClientAddress;
import dev.fileshare.core.port.StoredLink;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One request to a public link, kept in the link's access log once its answer is known: at once for an answer
 * without a body, when the body has been streamed otherwise. Keeping the log never fails the answer.
 */
final class LinkVisit {
    private static final Logger LOG = Logger.getLogger(LinkVisit.class.getName());

    private final LinkService links;
    private final StoredLink link;
    private final ClientAddress from;
    private final String userAgent;

    LinkVisit(LinkService links, StoredLink link, ClientAddress from, String userAgent) {
        this.links = links;
        this.link = link;
        this.from = from;
        this.userAgent = userAgent;
    }

    ClientAddress from() {
        return from;
    }

    /** Logs an answer that sends no body (an error, 304, a HEAD) and returns it. */
    Response answered(Response response) {
        record(response.getStatus(), 0);
        return response;
    }

    /** How a streamed body of {@code status} ended: the download is counted or given back, and the access logged. */
    FileDownloads.Delivery streamed(int status, Optional<LinkService.Download> download) {
        return (bytesSent, complete) -> {
            try {
                download.ifPresent(d -> d.finish(complete));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not count a download of link " + link.handle(), e);
            }
            record(status, bytesSent);
        };
    }

    private void record(int status, long bytes) {
        try {
            links.recordAccess(link, from, userAgent, status, bytes);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not log an access to link " + link.handle(), e);
        }
    }
}
