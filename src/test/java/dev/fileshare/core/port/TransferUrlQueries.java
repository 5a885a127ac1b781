package dev.fileshare.core.port;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The query parameters of an issued transfer URL, decoded, in their order: what its tests read and tamper with. */
public final class TransferUrlQueries {
    private TransferUrlQueries() {}

    public static Map<String, String> query(TransferUrl issued) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : issued.url().getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return query;
    }
}
