package dev.fileshare.api;

import dev.fileshare.core.SignedTransferUrls;
import dev.fileshare.core.model.DownloadTerms;
import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.InvalidInputException;
import dev.fileshare.core.model.UploadTerms;
import dev.fileshare.core.model.Username;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query of a transfer URL the service signed (local mode): the file it names, when it expires, and the signature
 * that stands in for a session; {@link Upload} and {@link Download} add the terms each kind was issued for. Declared
 * once for both operations on {@code /transfer}.
 */
public abstract class SignedTransferQuery {
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

    FileKey fileKey() {
        return new FileKey(Username.parse("owner", owner), FileName.parse("file_name", fileName));
    }

    long expiresEpochSecond() {
        try {
            return Long.parseLong(expires == null ? "" : expires);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("expires", "must be a number of seconds since the epoch");
        }
    }

    /** An upload URL's query: its size and the condition it was issued with are signed too. */
    public static class Upload extends SignedTransferQuery {
        @Parameter(
                name = "size",
                in = ParameterIn.QUERY,
                description = "As in the issued URL: the bytes the body holds.",
                required = true,
                example = "3")
        @QueryParam("size")
        String size;

        @Parameter(
                name = "if_none_match",
                in = ParameterIn.QUERY,
                description = "As in the issued URL, if there: `*`, create only.")
        @QueryParam("if_none_match")
        String ifNoneMatch;

        @Parameter(
                name = "if_match",
                in = ParameterIn.QUERY,
                description = "As in the issued URL, if there: replace only this version.")
        @QueryParam("if_match")
        String ifMatch;

        /** What the URL was issued for, once {@code signedUrls} finds the signature good and unexpired. */
        UploadTerms verify(SignedTransferUrls signedUrls) {
            UploadTerms claimed = new UploadTerms(
                    fileKey(), bytes(), WriteConditions.from(ifMatch, ifNoneMatch, "if_match", "if_none_match"));
            return signedUrls.verifyUpload(claimed, expiresEpochSecond(), signature);
        }

        private long bytes() {
            try {
                long n = Long.parseLong(size == null ? "" : size);
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw InvalidInputException.of("size", "must be a number of bytes, as issued");
        }
    }

    /** A download URL's query: the version and, when issued to a grantee, the grantee are signed too. */
    public static class Download extends SignedTransferQuery {
        @Parameter(
                name = "version",
                in = ParameterIn.QUERY,
                description = "As in the issued URL: the version's entity tag, without quotes.",
                required = true,
                example = "5d41402abc4b2a76b9719d911017c592")
        @QueryParam("version")
        String version;

        @Parameter(
                name = "grantee",
                in = ParameterIn.QUERY,
                description = "As in the issued URL: the user it was issued to, when not the owner.")
        @QueryParam("grantee")
        String grantee;

        /** What the URL was issued for, once {@code signedUrls} finds the signature good and unexpired. */
        DownloadTerms verify(SignedTransferUrls signedUrls) {
            FileKey key = fileKey();
            if (version == null || !WriteConditions.isEntityTag("\"" + version + "\"")) {
                throw InvalidInputException.of("version", "must be an entity tag without its quotes, as issued");
            }
            Username issuedTo = grantee == null ? null : Username.parse("grantee", grantee);
            return signedUrls.verifyDownload(key, version, issuedTo, expiresEpochSecond(), signature);
        }
    }
}
