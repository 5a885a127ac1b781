package dev.fileshare.api.problem;

import dev.fileshare.core.model.FieldError;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail. {@code message} repeats {@code detail} for clients of the original API, whose
 * errors were {@code {"statusCode", "message"}}.
 */
@Schema(
        name = "Problem",
        description = "RFC 9457 problem details; `message` repeats `detail` for clients of the original API.")
@JsonbPropertyOrder({"type", "title", "status", "detail", "message", "errors", "quota"})
public record Problem(
        @Schema(required = true, example = "about:blank") String type,
        @Schema(required = true, example = "Bad Request") String title,
        @Schema(required = true, example = "400") int status,

        @Schema(required = true, example = "username: must be 1-64 characters of A-Z a-z 0-9 _ -")
        String detail,

        @Schema(required = true, example = "username: must be 1-64 characters of A-Z a-z 0-9 _ -")
        String message,

        @Schema(description = "Present on validation errors: each rejected field and why.")
        List<FieldError> errors,

        @Schema(description = "Present on 507: the quota the write would pass.")
        QuotaPassed quota) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, detail, null, null);
    }

    /** 507: a write would pass a quota, which {@code quota} names. */
    public static Problem quotaPassed(String detail, QuotaPassed quota) {
        return new Problem("about:blank", "Insufficient Storage", 507, detail, detail, null, quota);
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem("about:blank", "Bad Request", 400, detail, detail, errors, null);
    }
}
