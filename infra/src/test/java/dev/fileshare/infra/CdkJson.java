package dev.fileshare.infra;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** infra/cdk.json, what the CDK command line reads: the app command and the context (feature flags). */
record CdkJson(String app, Map<String, Object> context) {

    static final Path FILE = Path.of("cdk.json");

    static CdkJson read() {
        try {
            Map<String, Object> json = new ObjectMapper().readValue(FILE.toFile(), new TypeReference<>() {});
            @SuppressWarnings("unchecked")
            Map<String, Object> context = (Map<String, Object>) json.getOrDefault("context", Map.of());
            return new CdkJson((String) json.get("app"), Map.copyOf(context));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE.toAbsolutePath(), e);
        }
    }
}
