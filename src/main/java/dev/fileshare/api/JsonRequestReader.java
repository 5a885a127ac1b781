package dev.fileshare.api;

import dev.fileshare.core.model.ContentTooLargeException;
import dev.fileshare.core.model.FieldError;
import dev.fileshare.core.model.InvalidInputException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds a JSON object to a {@link JsonRequest} record whatever the Content-Type (clients of the original API
 * sent JSON with curl's form type, or none). Every field is optional here and must be of its type when present;
 * the core says which are required. Components are {@code String} or {@code Long}. Malformed JSON is a 400, a body
 * past its record's limit a 413 (refused from its Content-Length before a byte is read when it announces one), and
 * neither reaches the resource.
 */
@Provider
@Consumes(MediaType.WILDCARD)
public class JsonRequestReader implements MessageBodyReader<JsonRequest> {
    /** Room for the JSON around a maximal Base64 content. */
    private static final long ENVELOPE_BYTES = 64 * 1024;
    /**
     * The most a body without file content may hold: 16 KiB fits the longest password (1024 characters, each
     * escaped as a {@code \\uXXXX} surrogate pair is 12 bytes) with a username or a file name beside it.
     */
    static final long SMALL_BODY_BYTES = 16 * 1024;

    @Inject
    UploadLimits limits;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() && JsonRequest.class.isAssignableFrom(type);
    }

    @Override
    public JsonRequest readFrom(
            Class<JsonRequest> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream body)
            throws IOException {
        boolean carriesContent = type.isAnnotationPresent(CarriesFileContent.class);
        long limit = carriesContent ? (limits.maxJsonBytes() + 2) / 3 * 4 + ENVELOPE_BYTES : SMALL_BODY_BYTES;
        if (BinaryUpload.declaredLength(headers.getFirst(HttpHeaders.CONTENT_LENGTH)) > limit) {
            throw tooLarge(carriesContent, limit);
        }
        JsonObject json = parse(new RequestBodyStream(body, limit), carriesContent, limit);
        return bind(type, json);
    }

    private ContentTooLargeException tooLarge(boolean carriesContent, long limit) {
        if (carriesContent) {
            return new ContentTooLargeException("The request body is larger than a JSON upload may be ("
                    + limits.maxJsonBytes() + " bytes of content); send large files as a binary upload: "
                    + "PUT /file?file_name=... with Content-Type: application/octet-stream.");
        }
        return new ContentTooLargeException("The request body is over the " + limit + " bytes this request may hold.");
    }

    private JsonObject parse(RequestBodyStream body, boolean carriesContent, long limit) {
        JsonValue value;
        try (JsonReader reader = Json.createReader(body)) {
            value = reader.readValue();
        } catch (RuntimeException e) {
            // Not only JsonException: parsson refuses input nested past its depth limit with a bare RuntimeException.
            if (body.overLimit()) {
                throw tooLarge(carriesContent, limit);
            }
            throw InvalidInputException.of("body", "must be a JSON object (" + reason(e) + ")");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw InvalidInputException.of("body", "must be a JSON object");
        }
        return value.asJsonObject();
    }

    private static JsonRequest bind(Class<JsonRequest> type, JsonObject json) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            String name = jsonName(components[i]);
            JsonValue value = json.get(name);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            Class<?> expected = components[i].getType();
            if (expected == String.class && value instanceof JsonString text) {
                values[i] = text.getString();
            } else if (expected == Long.class
                    && value instanceof JsonNumber number
                    && number.isIntegral()
                    && number.bigIntegerValue().bitLength() < 64) {
                values[i] = number.longValueExact();
            } else {
                errors.add(new FieldError(name, expected == Long.class ? "must be an integer" : "must be a string"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The body has fields of the wrong type.", errors);
        }
        try {
            Class<?>[] parameterTypes = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                parameterTypes[i] = components[i].getType();
            }
            Constructor<JsonRequest> constructor = type.getDeclaredConstructor(parameterTypes);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    private static String jsonName(RecordComponent component) {
        JsonbProperty property = component.getAccessor().getAnnotation(JsonbProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    private static String reason(RuntimeException e) {
        String message = e.getMessage();
        if (message == null) {
            return "malformed JSON";
        }
        // Parser messages carry a position and the token seen; keep them short and single-line.
        String firstLine = message.lines().findFirst().orElse("malformed JSON");
        return firstLine.length() > 200 ? firstLine.substring(0, 200) + "..." : firstLine;
    }
}
