package dev.fileshare.api.problem;

import dev.fileshare.core.model.QuotaExceededException;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which quota a refused write would pass, its limit, and what the owner used before it. */
@Schema(name = "QuotaPassed", description = "The quota a refused write would pass.")
@JsonbPropertyOrder({"name", "limit", "used"})
public record QuotaPassed(
        @Schema(
                required = true,
                enumeration = {"bytes", "files"},
                example = "bytes")
        String name,

        @Schema(required = true, example = "10485760", description = "The quota: the most bytes or files.")
        long limit,

        @Schema(
                example = "10000000",
                description = "The bytes or files stored before the write; absent when the write alone is larger "
                        + "than the quota.")
        Long used) {

    static QuotaPassed of(QuotaExceededException e) {
        return new QuotaPassed(e.quota(), e.limit(), e.used() < 0 ? null : e.used());
    }
}
