package dev.fileshare.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Serves the web app at {@code /} ahead of the REST application, which is mapped to every path: GET and HEAD of the
 * app's few files are answered here, everything else goes on to the API unchanged.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class WebAppFilter extends HttpFilter {
    /**
     * Scripts, styles and calls only from this origin, none inline; no plugins, no framing, no base or form
     * elsewhere. Navigation to a download URL (S3 in the aws mode) is not restricted by it.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    private transient WebAppFiles files;

    @Override
    public void init(FilterConfig config) {
        files = new WebAppFiles(config.getServletContext());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<WebAppFiles.WebAppFile> file = isRead(request) ? files.at(pathOf(request)) : Optional.empty();
        if (file.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        WebAppFiles.WebAppFile served = file.get();
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        // The files change with each deployment: always revalidated (a 304 while unchanged), never stale.
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("ETag", served.etag());
        if (served.etag().equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(served.contentType());
        response.setContentLength(served.bytes().length);
        if (request.getMethod().equals("GET")) {
            response.getOutputStream().write(served.bytes());
        }
    }

    private static boolean isRead(HttpServletRequest request) {
        return request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
