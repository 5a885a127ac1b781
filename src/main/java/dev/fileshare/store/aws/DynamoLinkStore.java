package dev.fileshare.store.aws;

import static dev.fileshare.store.aws.Items.n;
import static dev.fileshare.store.aws.Items.s;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.LinkHandle;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.LinkAccess;
import dev.fileshare.core.port.LinkStore;
import dev.fileshare.core.port.StoreException;
import dev.fileshare.core.port.StoredLink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Links table: PK {@code handle} (S), SK {@code item} (S) ({@link DynamoTables#LINKS}). A link is the item {@code link}: {@code id_hash},
 * {@code owner}, {@code file_name}, {@code created} and {@code expires} (N, epoch millis), {@code max_downloads}
 * (N, absent for no limit), {@code claimed}, {@code downloads}, {@code accesses_logged} (N), {@code password_hash}
 * (S, absent for none). Its access log is the items {@code access#<slot>}, a ring of {@code keep} slots that the
 * link's {@code accesses_logged} counter fills in turn: {@code seq} (its number), {@code at} (N, epoch millis),
 * {@code address}, {@code user_agent} (absent when empty), {@code status}, {@code bytes}. Every item carries
 * {@code purge_at} (N, epoch seconds), the table's TTL attribute, so an ended link and its log expire by themselves.
 *
 * <p>The sparse GSI {@value #BY_OWNER} (PK {@code owner}, SK {@code handle}; only links carry {@code owner}) lists a
 * user's links; like every GSI it is eventually consistent, so a link made a moment before its file is deleted may
 * survive the delete (it then opens nothing; a new file of that name deletes it again). Counts are conditional
 * UpdateItems on the link, so concurrent claims cannot pass its limit.
 */
final class DynamoLinkStore implements LinkStore {
    private static final String HANDLE = DynamoTables.LINKS.partitionKey();
    private static final String ITEM = DynamoTables.LINKS.sortKey().orElseThrow();
    private static final String OWNER =
            DynamoTables.LINKS.sparseIndex().orElseThrow().partitionKey();
    private static final String BY_OWNER =
            DynamoTables.LINKS.sparseIndex().orElseThrow().name();
    private static final String TTL_ATTRIBUTE = DynamoTables.LINKS.timeToLive().orElseThrow();

    private static final String LINK = "link";
    private static final String ACCESS = "access#";
    /** BatchWriteItem takes at most 25 requests. */
    private static final int BATCH = 25;
    /** Unprocessed deletes are sent again this many times before the store gives up. */
    private static final int BATCH_ATTEMPTS = 10;

    private static final Map<String, String> NAMES = Map.of(
            "#handle", HANDLE,
            "#item", ITEM,
            "#owner", OWNER,
            "#file_name", "file_name",
            "#max", "max_downloads",
            "#claimed", "claimed",
            "#downloads", "downloads",
            "#logged", "accesses_logged");

    private final DynamoDbClient dynamoDb;
    private final String table;

    DynamoLinkStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public boolean create(StoredLink link) {
        Map<String, AttributeValue> item = new HashMap<>(linkKey(link.handle()));
        item.put("id_hash", s(link.idHash()));
        item.put(OWNER, s(link.file().owner().value()));
        item.put("file_name", s(link.file().fileName().value()));
        item.put("created", n(link.created().toEpochMilli()));
        item.put("expires", n(link.expiresAt().toEpochMilli()));
        item.put(TTL_ATTRIBUTE, n(epochSecondsRoundedUp(link.purgeAt())));
        link.maxDownloads().ifPresent(max -> item.put("max_downloads", n(max)));
        item.put("claimed", n(link.claimed()));
        item.put("downloads", n(link.downloads()));
        item.put("accesses_logged", n(0));
        link.passwordHash().ifPresent(hash -> item.put("password_hash", s(hash)));
        try {
            dynamoDb.putItem(put -> put.tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(#handle)")
                    .expressionAttributeNames(names("#handle")));
            return true;
        } catch (ConditionalCheckFailedException handleTaken) {
            return false;
        } catch (SdkException e) {
            throw AwsCalls.failure("store a link", e);
        }
    }

    @Override
    public Optional<StoredLink> find(LinkHandle handle) {
        return Items.get(dynamoDb, table, linkKey(handle), "look up a link").map(DynamoLinkStore::link);
    }

    @Override
    public List<StoredLink> ownedBy(Username owner, Optional<FileName> file) {
        return AwsCalls.call("list a user's links", () -> {
            List<StoredLink> links = new ArrayList<>();
            for (Map<String, AttributeValue> item : ownersLinks(owner, file)) {
                links.add(link(item));
            }
            return links;
        });
    }

    @Override
    public boolean delete(LinkHandle handle, Username owner) {
        try {
            dynamoDb.deleteItem(delete -> delete.tableName(table)
                    .key(linkKey(handle))
                    .conditionExpression("#owner = :owner")
                    .expressionAttributeNames(names("#owner"))
                    .expressionAttributeValues(Map.of(":owner", s(owner.value()))));
        } catch (ConditionalCheckFailedException noneOfTheirs) {
            return false;
        } catch (SdkException e) {
            throw AwsCalls.failure("delete a link", e);
        }
        AwsCalls.run("delete a link's access log", () -> deleteLog(handle));
        return true;
    }

    @Override
    public void deleteAll(FileKey file) {
        AwsCalls.run("delete a file's links", () -> {
            for (Map<String, AttributeValue> item : ownersLinks(file.owner(), Optional.of(file.fileName()))) {
                LinkHandle handle = new LinkHandle(Items.string(item, HANDLE));
                dynamoDb.deleteItem(delete -> delete.tableName(table).key(linkKey(handle)));
                deleteLog(handle);
            }
        });
    }

    @Override
    public boolean claimDownload(LinkHandle handle) {
        try {
            dynamoDb.updateItem(update -> update.tableName(table)
                    .key(linkKey(handle))
                    .updateExpression("SET #claimed = #claimed + :one")
                    .conditionExpression(
                            "attribute_exists(#handle) AND (attribute_not_exists(#max) OR #claimed < #max)")
                    .expressionAttributeNames(names("#claimed", "#handle", "#max"))
                    .expressionAttributeValues(Map.of(":one", n(1))));
            return true;
        } catch (ConditionalCheckFailedException goneOrUsedUp) {
            return false;
        } catch (SdkException e) {
            throw AwsCalls.failure("claim a link's download", e);
        }
    }

    @Override
    public void finishDownload(LinkHandle handle, boolean completed) {
        try {
            if (completed) {
                dynamoDb.updateItem(update -> update.tableName(table)
                        .key(linkKey(handle))
                        .updateExpression("SET #downloads = #downloads + :one")
                        .conditionExpression("attribute_exists(#handle)")
                        .expressionAttributeNames(names("#downloads", "#handle"))
                        .expressionAttributeValues(Map.of(":one", n(1))));
            } else {
                dynamoDb.updateItem(update -> update.tableName(table)
                        .key(linkKey(handle))
                        .updateExpression("SET #claimed = #claimed - :one")
                        .conditionExpression("attribute_exists(#handle) AND #claimed > :zero")
                        .expressionAttributeNames(names("#claimed", "#handle"))
                        .expressionAttributeValues(Map.of(":one", n(1), ":zero", n(0))));
            }
        } catch (ConditionalCheckFailedException gone) {
            // nothing to count or give back
        } catch (SdkException e) {
            throw AwsCalls.failure("count a link's download", e);
        }
    }

    @Override
    public void recordAccess(LinkHandle handle, LinkAccess access, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("a log keeps at least one access");
        }
        Map<String, AttributeValue> link;
        try {
            link = dynamoDb.updateItem(update -> update.tableName(table)
                            .key(linkKey(handle))
                            .updateExpression("SET #logged = #logged + :one")
                            .conditionExpression("attribute_exists(#handle)")
                            .expressionAttributeNames(names("#logged", "#handle"))
                            .expressionAttributeValues(Map.of(":one", n(1)))
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes();
        } catch (ConditionalCheckFailedException gone) {
            return;
        } catch (SdkException e) {
            throw AwsCalls.failure("log an access to a link", e);
        }
        long seq = Items.number(link, "accesses_logged");
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(HANDLE, s(handle.value()));
        item.put(ITEM, s(ACCESS + Math.floorMod(seq, keep)));
        item.put("seq", n(seq));
        item.put("at", n(access.at().toEpochMilli()));
        item.put("address", s(access.address()));
        if (!access.userAgent().isEmpty()) {
            item.put("user_agent", s(access.userAgent()));
        }
        item.put("status", n(access.status()));
        item.put("bytes", n(access.bytes()));
        item.put(TTL_ATTRIBUTE, link.get(TTL_ATTRIBUTE));
        AwsCalls.run(
                "log an access to a link",
                () -> dynamoDb.putItem(put -> put.tableName(table).item(item)));
    }

    @Override
    public List<LinkAccess> accesses(LinkHandle handle) {
        return AwsCalls.call("read a link's access log", () -> {
            List<Map<String, AttributeValue>> items = new ArrayList<>(logItems(handle, false));
            items.sort(Comparator.comparingLong((Map<String, AttributeValue> item) -> Items.number(item, "seq"))
                    .reversed());
            return items.stream()
                    .map(item -> new LinkAccess(
                            Instant.ofEpochMilli(Items.number(item, "at")),
                            Items.string(item, "address"),
                            item.containsKey("user_agent") ? Items.string(item, "user_agent") : "",
                            Math.toIntExact(Items.number(item, "status")),
                            Items.number(item, "bytes")))
                    .toList();
        });
    }

    private List<Map<String, AttributeValue>> ownersLinks(Username owner, Optional<FileName> file) {
        QueryRequest.Builder query =
                QueryRequest.builder().tableName(table).indexName(BY_OWNER).keyConditionExpression("#owner = :owner");
        if (file.isPresent()) {
            query.filterExpression("#file_name = :file_name")
                    .expressionAttributeNames(names("#owner", "#file_name"))
                    .expressionAttributeValues(Map.of(
                            ":owner",
                            s(owner.value()),
                            ":file_name",
                            s(file.get().value())));
        } else {
            query.expressionAttributeNames(names("#owner"))
                    .expressionAttributeValues(Map.of(":owner", s(owner.value())));
        }
        return dynamoDb.queryPaginator(query.build()).items().stream().toList();
    }

    /** The link's access items, with only their keys when {@code keysOnly}. */
    private List<Map<String, AttributeValue>> logItems(LinkHandle handle, boolean keysOnly) {
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table)
                .consistentRead(true)
                .keyConditionExpression("#handle = :handle AND begins_with(#item, :access)")
                .expressionAttributeNames(names("#handle", "#item"))
                .expressionAttributeValues(Map.of(":handle", s(handle.value()), ":access", s(ACCESS)));
        if (keysOnly) {
            query.projectionExpression("#handle, #item");
        }
        return dynamoDb.queryPaginator(query.build()).items().stream().toList();
    }

    /** Deletes a link's access items, 25 a call, sending again what DynamoDB left unprocessed. */
    private void deleteLog(LinkHandle handle) {
        List<Map<String, AttributeValue>> keys = logItems(handle, true);
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<WriteRequest> batch = keys.subList(from, Math.min(keys.size(), from + BATCH)).stream()
                    .map(key -> WriteRequest.builder()
                            .deleteRequest(delete -> delete.key(key))
                            .build())
                    .toList();
            for (int attempt = 0; !batch.isEmpty(); attempt++) {
                if (attempt == BATCH_ATTEMPTS) {
                    throw new StoreException("aws store: DynamoDB left a link's access log undeleted", null);
                }
                List<WriteRequest> requests = batch;
                BatchWriteItemResponse response =
                        dynamoDb.batchWriteItem(write -> write.requestItems(Map.of(table, requests)));
                batch = response.unprocessedItems().getOrDefault(table, List.of());
            }
        }
    }

    private static StoredLink link(Map<String, AttributeValue> item) {
        return new StoredLink(
                new LinkHandle(Items.string(item, HANDLE)),
                Items.string(item, "id_hash"),
                new FileKey(new Username(Items.string(item, OWNER)), new FileName(Items.string(item, "file_name"))),
                Instant.ofEpochMilli(Items.number(item, "created")),
                Instant.ofEpochMilli(Items.number(item, "expires")),
                Instant.ofEpochSecond(Items.number(item, TTL_ATTRIBUTE)),
                item.containsKey("max_downloads")
                        ? OptionalLong.of(Items.number(item, "max_downloads"))
                        : OptionalLong.empty(),
                Items.number(item, "claimed"),
                Items.number(item, "downloads"),
                item.containsKey("password_hash")
                        ? Optional.of(Items.string(item, "password_hash"))
                        : Optional.empty());
    }

    private static Map<String, String> names(String... placeholders) {
        Map<String, String> names = new HashMap<>();
        for (String placeholder : placeholders) {
            names.put(placeholder, NAMES.get(placeholder));
        }
        return names;
    }

    private static Map<String, AttributeValue> linkKey(LinkHandle handle) {
        return Map.of(HANDLE, s(handle.value()), ITEM, s(LINK));
    }

    /** TTL must not drop a link before its purge time. */
    private static long epochSecondsRoundedUp(Instant instant) {
        return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
    }
}
