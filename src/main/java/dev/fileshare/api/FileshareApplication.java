package dev.fileshare.api;

import dev.fileshare.api.problem.Problem;
import dev.fileshare.api.problem.ProblemExamples;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The REST application at the server root, as the original API's paths were. Its resources are
 * {@code @ApplicationScoped}: one instance serves every request (their {@code @Context} fields are per-request
 * proxies), so no bean is built per request on the hot paths.
 */
@ApplicationPath("/")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "fileshare",
                        version = "1.0.0",
                        description =
                                "Register, log in, upload, download, list and share files, and share them by public link. "
                                        + "Errors are RFC 9457 problem details.",
                        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        tags = {
            @Tag(name = "accounts", description = "Registration and sessions"),
            @Tag(name = "files", description = "Uploading, downloading and listing files"),
            @Tag(name = "sharing", description = "Sharing files with other users"),
            @Tag(name = "links", description = "Public links: a file for anyone with the URL, no session needed"),
            @Tag(name = "uploads", description = "Resumable uploads by the tus 1.0.0 protocol"),
            @Tag(name = "versions", description = "Older versions of a file: what overwrites replaced"),
            @Tag(name = "trash", description = "Deleted files, kept for a while to be restored")
        },
        components =
                @Components(
                        parameters = {
                            // No `example` on these optional headers: Swagger UI's "Try it out" would send it.
                            @Parameter(
                                    name = ApiDocs.IF_MATCH,
                                    in = ParameterIn.HEADER,
                                    schema = @Schema(type = SchemaType.STRING),
                                    description =
                                            "Replace only this version: its ETag, e.g. `\"5d41402abc4b2a76b9719d911017c592\"`."),
                            @Parameter(
                                    name = ApiDocs.IF_NONE_MATCH,
                                    in = ParameterIn.HEADER,
                                    schema = @Schema(type = SchemaType.STRING),
                                    description = "`*`: create only, never replace."),
                            @Parameter(
                                    name = ApiDocs.REPR_DIGEST,
                                    in = ParameterIn.HEADER,
                                    schema = @Schema(type = SchemaType.STRING),
                                    description =
                                            "RFC 9530: the file's SHA-256, `sha-256=:<Base64>:` (other algorithms "
                                                    + "may be listed and are skipped). Checked before the write commits: "
                                                    + "content with another SHA-256 is 400 and nothing is stored. For a JSON "
                                                    + "upload, the SHA-256 of the decoded `content`. A field that is not an "
                                                    + "RFC 8941 Dictionary, or names no `sha-256`, is 400."),
                            @Parameter(
                                    name = ApiDocs.CONTENT_DIGEST,
                                    in = ParameterIn.HEADER,
                                    schema = @Schema(type = SchemaType.STRING),
                                    description = "RFC 9530, as `Repr-Digest`: the file is stored as sent (no content "
                                            + "coding), so the content's digest is the file's; when both are sent they "
                                            + "must agree."),
                            @Parameter(
                                    name = ApiDocs.WANT_REPR_DIGEST,
                                    in = ParameterIn.HEADER,
                                    schema = @Schema(type = SchemaType.STRING),
                                    description = "RFC 9530: e.g. `sha-256=10`. A whole file's answer carries "
                                            + "`Repr-Digest` anyway; asked for, a range's (206) carries the whole "
                                            + "file's too, to check the joined parts of a resumed download against."),
                            @Parameter(
                                    name = ApiDocs.WANT_CONTENT_DIGEST,
                                    in = ParameterIn.HEADER,
                                    schema = @Schema(type = SchemaType.STRING),
                                    description =
                                            "RFC 9530: e.g. `sha-256=10`. A whole file's answer (200) then carries "
                                                    + "`Content-Digest`, equal to its `Repr-Digest`; a range's (206) does not "
                                                    + "(it would be read twice).")
                        },
                        headers = {
                            @Header(
                                    name = ApiDocs.ETAG,
                                    description = "The version's strong entity tag.",
                                    schema = @Schema(type = SchemaType.STRING)),
                            @Header(
                                    name = ApiDocs.REPR_DIGEST,
                                    description =
                                            "RFC 9530: the file's SHA-256, `sha-256=:<Base64>:`, as computed when "
                                                    + "it was written. On the raw bytes of a whole file (200, HEAD), and of a "
                                                    + "range (206) when `Want-Repr-Digest` asks; absent for a version stored "
                                                    + "before digests were kept, or whose store does not know it (the aws "
                                                    + "store's files written in parts, over 8 MiB), and for the Base64 form.",
                                    schema = @Schema(type = SchemaType.STRING)),
                            @Header(
                                    name = ApiDocs.CONTENT_DIGEST,
                                    description = "RFC 9530: on a whole file's 200 when `Want-Content-Digest` asks for "
                                            + "sha-256; the same value as `Repr-Digest`.",
                                    schema = @Schema(type = SchemaType.STRING))
                        },
                        responses = {
                            @APIResponse(
                                    name = ApiDocs.BAD_REQUEST,
                                    description = "The request breaks a rule; `errors` lists the fields at fault.",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    example = ProblemExamples.BAD_REQUEST)),
                            @APIResponse(
                                    name = ApiDocs.UNAUTHORIZED,
                                    description = "No session token, or one that is unknown, expired or logged out.",
                                    headers =
                                            @Header(
                                                    name = "WWW-Authenticate",
                                                    schema = @Schema(type = SchemaType.STRING),
                                                    description = "`Bearer`"),
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    example = ProblemExamples.UNAUTHORIZED)),
                            @APIResponse(
                                    name = ApiDocs.NOT_FOUND,
                                    description =
                                            "No such file or user, or a file not shared with the caller (indistinguishable).",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    example = ProblemExamples.NOT_FOUND)),
                            @APIResponse(
                                    name = ApiDocs.CONFLICT,
                                    description = "The username is taken.",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    example = ProblemExamples.CONFLICT)),
                            @APIResponse(
                                    name = ApiDocs.CONTENT_TOO_LARGE,
                                    description = "The body or the content is over the configured limit.",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    example = ProblemExamples.CONTENT_TOO_LARGE)),
                            @APIResponse(
                                    name = ApiDocs.INSUFFICIENT_STORAGE,
                                    description = "The write would pass the owner's byte or file quota (`quota` names "
                                            + "it); nothing changed, the previous version stays.",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    example = ProblemExamples.INSUFFICIENT_STORAGE)),
                            @APIResponse(
                                    name = ApiDocs.FORBIDDEN,
                                    description = "The transfer URL's signature does not match, or it expired.",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    example = ProblemExamples.FORBIDDEN)),
                            @APIResponse(
                                    name = ApiDocs.GONE,
                                    description =
                                            "The transfer URL's signature holds, but what it was issued for is "
                                                    + "gone: the version was replaced or deleted, or the share revoked or left.",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    example = ProblemExamples.GONE)),
                            @APIResponse(
                                    name = ApiDocs.PRECONDITION_FAILED,
                                    description = "If-Match or If-None-Match did not hold.",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    example = ProblemExamples.PRECONDITION_FAILED)),
                            @APIResponse(
                                    name = ApiDocs.RANGE_NOT_SATISFIABLE,
                                    description = "No byte of the range exists.",
                                    headers =
                                            @Header(
                                                    name = "Content-Range",
                                                    description = "`bytes */<size>`",
                                                    schema = @Schema(type = SchemaType.STRING)),
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    example = ProblemExamples.RANGE_NOT_SATISFIABLE)),
                            @APIResponse(
                                    name = ApiDocs.TOO_MANY_REQUESTS,
                                    description = "Too many failed logins: for this username from this address, for "
                                            + "this username, or from this address (the answer does not say which).",
                                    headers =
                                            @Header(
                                                    name = "Retry-After",
                                                    description = "Seconds until logins are accepted again.",
                                                    schema = @Schema(type = SchemaType.INTEGER)),
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    example = ProblemExamples.TOO_MANY_REQUESTS)),
                            @APIResponse(
                                    name = ApiDocs.WRONG_PASSWORD,
                                    description = "The current password, asked for to confirm the change, is wrong. "
                                            + "The session stays valid.",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    example = ProblemExamples.WRONG_PASSWORD)),
                            @APIResponse(
                                    name = ApiDocs.LINK_NOT_FOUND,
                                    description = "No such link: unknown, revoked, its file deleted, or ended more "
                                            + "than 30 days ago (indistinguishable).",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    example = ProblemExamples.LINK_NOT_FOUND)),
                            @APIResponse(
                                    name = ApiDocs.LINK_GONE,
                                    description = "The link expired, or its downloads are used up.",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    example = ProblemExamples.LINK_GONE)),
                            @APIResponse(
                                    name = ApiDocs.LINK_PASSWORD,
                                    description = "The link has a password, and the request did not carry it (or "
                                            + "carried a wrong one) as HTTP Basic credentials.",
                                    headers =
                                            @Header(
                                                    name = "WWW-Authenticate",
                                                    schema = @Schema(type = SchemaType.STRING),
                                                    description = "`Basic realm=\"fileshare link\"`"),
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    example = ProblemExamples.LINK_PASSWORD)),
                            @APIResponse(
                                    name = ApiDocs.LINK_TOO_MANY_REQUESTS,
                                    description = "Too many wrong passwords for this link: from this address, in "
                                            + "all, or from this address for any password (logins included).",
                                    headers =
                                            @Header(
                                                    name = "Retry-After",
                                                    description = "Seconds until passwords are accepted again.",
                                                    schema = @Schema(type = SchemaType.INTEGER)),
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    example = ProblemExamples.LINK_TOO_MANY_REQUESTS)),
                            @APIResponse(
                                    name = ApiDocs.REQUEST_TIMEOUT,
                                    description = "The body did not start within the start timeout (20 s by default) "
                                            + "or then arrived below the minimum rate (500 bytes a second by default); "
                                            + "nothing of it was kept, and the connection is closed.",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    example = ProblemExamples.REQUEST_TIMEOUT)),
                            @APIResponse(
                                    name = ApiDocs.SERVICE_UNAVAILABLE,
                                    description = "Every password hash slot is busy and the queue for them is full.",
                                    headers =
                                            @Header(
                                                    name = "Retry-After",
                                                    description = "Seconds to wait before trying again.",
                                                    schema = @Schema(type = SchemaType.INTEGER)),
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    example = ProblemExamples.SERVICE_UNAVAILABLE)),
                            @APIResponse(
                                    name = ApiDocs.NOT_AVAILABLE,
                                    description =
                                            "Older versions are not available in the aws store mode on a bucket without versioning: 404 there.",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class),
                                                    example = ProblemExamples.NOT_AVAILABLE))
                        }))
@SecurityScheme(
        securitySchemeName = ApiDocs.SESSION,
        type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER,
        apiKeyName = SessionTokens.HEADER,
        description = "The token from POST /login.")
@SecurityScheme(
        securitySchemeName = ApiDocs.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "The same token as `Authorization: Bearer <token>`.")
public class FileshareApplication extends Application {}
