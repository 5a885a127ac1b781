package dev.fileshare.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What the image says it is (OCI labels org.opencontainers.image.version and .revision): the root
 * pom's version and the Git commit the build context was checked out from.
 */
public record ImageLabels(String version, String revision) {

    static final String UNKNOWN = "unknown";
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    private static final long GIT_TIMEOUT_SECONDS = 10;

    /**
     * The labels of the sources at {@code repositoryRoot}; the revision is {@code explicitRevision}
     * (context {@code revision}, e.g. from CI) if given, else {@code git rev-parse HEAD}, else "unknown".
     */
    public static ImageLabels of(final Path repositoryRoot, final Optional<String> explicitRevision) {
        return new ImageLabels(
                pomVersion(repositoryRoot.resolve("pom.xml")),
                explicitRevision.filter(r -> !r.isBlank()).orElseGet(() -> gitHead(repositoryRoot)));
    }

    private static String pomVersion(final Path pom) {
        if (!Files.isRegularFile(pom)) {
            return UNKNOWN;
        }
        try (InputStream in = Files.newInputStream(pom)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = factory.newDocumentBuilder().parse(in).getDocumentElement();
            for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getTagName().equals("version")) {
                    return e.getTextContent().trim();
                }
            }
            return UNKNOWN;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the version from " + pom, e);
        }
    }

    /** HEAD's commit; "unknown" outside a Git working copy or without git. Bounded in time. */
    private static String gitHead(final Path repositoryRoot) {
        try {
            Process git = new ProcessBuilder("git", "-C", repositoryRoot.toString(), "rev-parse", "HEAD")
                    .redirectErrorStream(true)
                    .start();
            git.getOutputStream().close();
            if (!git.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return UNKNOWN;
            }
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.exitValue() == 0 && COMMIT.matcher(out).matches() ? out : UNKNOWN;
        } catch (IOException e) {
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        }
    }
}
