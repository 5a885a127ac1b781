package dev.fileshare.api;

import dev.fileshare.core.SignedTransferUrls;
import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.Username;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query of a transfer URL the service signed (local mode): the file it names, when it expires, and the signature
 * that stands in for a session. Declared once for both operations on {@code /transfer}.
 */
public class SignedTransferQuery {
    @Parameter(
            name = "owner",
            in = ParameterIn.QUERY,
            description = "As in the issued URL.",
            required = true,
            example = "alice")
    @QueryParam("owner")
    String owner;

    @Parameter(
            name = "file_name",
            in = ParameterIn.QUERY,
            description = "As in the issued URL.",
            required = true,
            example = "video.mp4")
    @QueryParam("file_name")
    String fileName;

    @Parameter(
            name = "expires",
            in = ParameterIn.QUERY,
            description = "As in the issued URL: seconds since the epoch.",
            required = true,
            example = "1764070000")
    @QueryParam("expires")
    String expires;

    @Parameter(name = "signature", in = ParameterIn.QUERY, description = "As in the issued URL.", required = true)
    @QueryParam("signature")
    String signature;

    /** The file the URL names, once {@code signedUrls} finds the signature good for {@code method} and unexpired. */
    FileKey verify(SignedTransferUrls signedUrls, String method) {
        FileKey key = new FileKey(Username.parse("owner", owner), FileName.parse("file_name", fileName));
        long expiresAt;
        try {
            expiresAt = Long.parseLong(expires == null ? "" : expires);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("expires", "must be a number of seconds since the epoch");
        }
        signedUrls.verify(method, key, expiresAt, signature);
        return key;
    }
}
