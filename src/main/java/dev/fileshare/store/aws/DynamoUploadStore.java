package dev.fileshare.store.aws;

import static dev.fileshare.store.aws.Items.n;
import static dev.fileshare.store.aws.Items.s;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.Sha256Digest;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.port.StagedUpload;
import dev.fileshare.core.port.UploadStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;

/**
 * Uploads in progress: an item each in the uploads table ({@link DynamoTables#UPLOADS}), its bytes in S3
 * ({@link S3StagedBytes}), so that any task can take the next chunk. An append first claims the item (a conditional
 * UpdateItem: the offset must be where the upload stands and no other claim current), writes its parts, and counts
 * them with a second UpdateItem conditional on its claim: of two appends at one offset one loses, and a chunk that
 * fails counts nothing. A claim lapses after {@link #CLAIM}, so a task that dies mid-chunk blocks the upload no
 * longer; the holder writes no part once its claim is about to lapse.
 */
final class DynamoUploadStore implements UploadStore {
    static final String KEY = DynamoTables.UPLOADS.partitionKey();
    static final String OWNER = DynamoTables.UPLOADS.sparseIndex().orElseThrow().partitionKey();
    private static final String OWNER_INDEX =
            DynamoTables.UPLOADS.sparseIndex().orElseThrow().name();
    private static final String EXPIRES_AT = DynamoTables.UPLOADS.timeToLive().orElseThrow();
    /** How long one append may hold an upload; a chunk fits API Gateway's 10 MB, so minutes are plenty. */
    static final Duration CLAIM = Duration.ofMinutes(10);
    /** The part being written when the claim is about to lapse must still land before it does. */
    private static final Duration CLAIM_MARGIN = Duration.ofMinutes(2);
    /**
     * DynamoDB's time to live removes a record the sweep missed this long after its expiry; the sweep, which
     * aborts the multipart upload too, comes first. The bucket's lifecycle rules free what such a record leaves.
     */
    private static final Duration TTL_GRACE = Duration.ofDays(2);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final S3StagedBytes bytes;
    private final Clock clock;

    DynamoUploadStore(DynamoDbClient dynamoDb, String table, S3StagedBytes bytes, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.bytes = bytes;
        this.clock = clock;
    }

    @Override
    public void create(StagedUpload upload) throws IOException {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(KEY, s(upload.id()));
        item.put(OWNER, s(upload.key().owner().value()));
        item.put("file_name", s(upload.key().fileName().value()));
        item.put("upload_length", n(upload.length()));
        item.put("received_bytes", n(upload.offset()));
        if (!upload.conditionText().isEmpty()) {
            item.put("write_condition", s(upload.conditionText()));
        }
        upload.sha256().ifPresent(sha256 -> item.put("sha256", s(sha256.hex())));
        putExpiry(item, upload.expires());
        item.put("part_size", n(S3StagedBytes.partSize(upload.length())));
        item.put("part_etags", AttributeValue.fromL(List.of()));
        item.put("parted_bytes", n(0));
        if (upload.length() > 0) {
            item.put("multipart_id", s(AwsCalls.call("begin an upload", () -> bytes.begin(upload.id()))));
        }
        AwsCalls.run(
                "record an upload",
                () -> dynamoDb.putItem(put ->
                        put.tableName(table).item(item).conditionExpression("attribute_not_exists(" + KEY + ")")));
    }

    @Override
    public Optional<StagedUpload> find(String id) {
        return record(id).map(DynamoUploadStore::upload);
    }

    private Optional<Map<String, AttributeValue>> record(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        return Items.get(dynamoDb, table, key(id), "look up an upload");
    }

    @Override
    public StagedUpload append(String id, long offset, InputStream content, Instant expires) throws IOException {
        String claim = UUID.randomUUID().toString();
        Instant claimEnds = clock.instant().plus(CLAIM);
        Map<String, AttributeValue> item = claim(id, offset, claim, claimEnds);
        StagedUpload upload = upload(item);
        if (!item.containsKey("multipart_id")) {
            release(id, claim);
            // an empty upload: complete from the start, and no byte fits
            if (content.read() >= 0) {
                throw new IOException("the chunk goes past the upload's length");
            }
            return upload;
        }
        S3StagedBytes.Layout before = layout(item);
        S3StagedBytes.Layout after;
        try {
            after = bytes.append(
                    id,
                    Items.string(item, "multipart_id"),
                    (int) Items.number(item, "part_size"),
                    upload.length(),
                    offset,
                    before,
                    content,
                    () -> clock.instant().isBefore(claimEnds.minus(CLAIM_MARGIN)));
        } catch (NoSuchUploadException aborted) {
            throw new NoSuchElementException("no upload " + id);
        } catch (IOException | RuntimeException | Error e) {
            release(id, claim);
            if (e instanceof SdkException sdk) {
                throw AwsCalls.failure("store a chunk", sdk);
            }
            throw e;
        }
        long received = receivedOf(upload, after);
        count(id, claim, received, after, expires);
        before.tail().filter(old -> !after.tail().equals(Optional.of(old))).ifPresent(bytes::deleteQuietly);
        return upload.at(received, expires);
    }

    /** The bytes an upload holds in {@code layout}: its parts and its tail, or all of them once it is complete. */
    private static long receivedOf(StagedUpload upload, S3StagedBytes.Layout layout) {
        if (layout.staged().isPresent()) {
            return upload.length();
        }
        return layout.parted() + layout.tailLength();
    }

    private Map<String, AttributeValue> claim(String id, long offset, String claim, Instant claimEnds) {
        if (id == null || id.isEmpty()) {
            throw new NoSuchElementException("no upload");
        }
        try {
            return dynamoDb.updateItem(update -> update.tableName(table)
                            .key(key(id))
                            .updateExpression("SET append_claim = :claim, claim_ends = :ends")
                            .conditionExpression("attribute_exists(" + KEY + ") AND received_bytes = :offset"
                                    + " AND (attribute_not_exists(append_claim) OR claim_ends < :now)")
                            .expressionAttributeValues(Map.of(
                                    ":claim", s(claim),
                                    ":ends", n(claimEnds.toEpochMilli()),
                                    ":offset", n(offset),
                                    ":now", n(clock.instant().toEpochMilli())))
                            .returnValues(ReturnValue.ALL_NEW)
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                    .attributes();
        } catch (ConditionalCheckFailedException refused) {
            Map<String, AttributeValue> current = refused.item();
            if (current == null || current.isEmpty()) {
                current = record(id).orElseThrow(() -> new NoSuchElementException("no upload " + id));
            }
            long at = Items.number(current, "received_bytes");
            throw new OffsetConflictException(
                    at == offset ? "another append to this upload is under way" : "the upload stands elsewhere", at);
        } catch (SdkException e) {
            throw AwsCalls.failure("claim an upload", e);
        }
    }

    /** Counts the appended bytes, if the claim still holds; otherwise frees what the append wrote. */
    private void count(String id, String claim, long received, S3StagedBytes.Layout after, Instant expires) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":claim", s(claim));
        values.put(":received", n(received));
        values.put(
                ":etags",
                AttributeValue.fromL(after.partEtags().stream().map(Items::s).toList()));
        values.put(":parted", n(after.parted()));
        values.put(":expires", n(expires.toEpochMilli()));
        values.put(":ttl", n(ttl(expires)));
        StringBuilder set = new StringBuilder("SET received_bytes = :received, part_etags = :etags,"
                + " parted_bytes = :parted, expires_ms = :expires, " + EXPIRES_AT + " = :ttl");
        List<String> remove = new ArrayList<>(List.of("append_claim", "claim_ends"));
        put(after.tail(), "tail", set, remove, values);
        put(after.staged(), "staged", set, remove, values);
        try {
            dynamoDb.updateItem(update -> update.tableName(table)
                    .key(key(id))
                    .updateExpression(set + " REMOVE " + String.join(", ", remove))
                    .conditionExpression("append_claim = :claim")
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException refused) {
            after.tail().ifPresent(bytes::deleteQuietly);
            after.staged().ifPresent(bytes::deleteQuietly);
            Map<String, AttributeValue> current = refused.item();
            if (current == null || current.isEmpty()) {
                // deleted (terminated, expired) while the chunk streamed in
                throw new NoSuchElementException("no upload " + id);
            }
            throw new OffsetConflictException(
                    "the append outlasted its claim", Items.number(current, "received_bytes"));
        } catch (SdkException e) {
            throw AwsCalls.failure("count a chunk", e);
        }
    }

    private static void put(
            Optional<S3StagedBytes.ObjectRef> object,
            String name,
            StringBuilder set,
            List<String> remove,
            Map<String, AttributeValue> values) {
        if (object.isEmpty()) {
            remove.add(name + "_key");
            remove.add(name + "_version");
            return;
        }
        set.append(", ").append(name).append("_key = :").append(name).append("_key");
        values.put(":" + name + "_key", s(object.get().key()));
        if (object.get().version().isPresent()) {
            set.append(", ").append(name).append("_version = :").append(name).append("_version");
            values.put(":" + name + "_version", s(object.get().version().get()));
        } else {
            remove.add(name + "_version");
        }
    }

    /** Gives up a claim early (the chunk failed), so that the client's retry is not refused as concurrent. */
    private void release(String id, String claim) {
        try {
            dynamoDb.updateItem(update -> update.tableName(table)
                    .key(key(id))
                    .updateExpression("REMOVE append_claim, claim_ends")
                    .conditionExpression("append_claim = :claim")
                    .expressionAttributeValues(Map.of(":claim", s(claim))));
        } catch (SdkException gone) {
            // deleted meanwhile, or the claim lapses by itself
        }
    }

    @Override
    public InputStream open(StagedUpload upload) throws IOException {
        if (upload.length() == 0) {
            return InputStream.nullInputStream();
        }
        Map<String, AttributeValue> item =
                record(upload.id()).orElseThrow(() -> new NoSuchElementException("no upload " + upload.id()));
        S3StagedBytes.ObjectRef staged = object(item, "staged")
                .orElseThrow(() -> new IllegalStateException("the upload " + upload.id() + " is not complete"));
        return AwsCalls.call("read an upload", () -> bytes.open(staged));
    }

    @Override
    public boolean delete(String id) throws IOException {
        if (id == null || id.isEmpty()) {
            return false;
        }
        Map<String, AttributeValue> old = AwsCalls.call(
                "delete an upload",
                () -> dynamoDb.deleteItem(
                                delete -> delete.tableName(table).key(key(id)).returnValues(ReturnValue.ALL_OLD))
                        .attributes());
        if (old == null || old.isEmpty()) {
            return false;
        }
        if (old.containsKey("multipart_id")) {
            AwsCalls.run("abort an upload", () -> bytes.abort(id, Items.string(old, "multipart_id")));
        }
        object(old, "tail").ifPresent(bytes::deleteQuietly);
        object(old, "staged").ifPresent(bytes::deleteQuietly);
        return true;
    }

    @Override
    public int count(Username owner) {
        int total = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = AwsCalls.call(
                    "count uploads",
                    () -> dynamoDb.query(query -> query.tableName(table)
                            .indexName(OWNER_INDEX)
                            .keyConditionExpression(OWNER + " = :owner")
                            .expressionAttributeValues(Map.of(":owner", s(owner.value())))
                            .select(Select.COUNT)
                            .exclusiveStartKey(from)));
            total += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return total;
    }

    /** A Scan with a filter: the sweep runs rarely, and the table holds only uploads in progress. */
    @Override
    public List<String> expired(Instant now, int max) {
        List<String> ids = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = AwsCalls.call(
                    "list expired uploads",
                    () -> dynamoDb.scan(scan -> scan.tableName(table)
                            .filterExpression("expires_ms <= :now")
                            .projectionExpression(KEY)
                            .expressionAttributeValues(Map.of(":now", n(now.toEpochMilli())))
                            .exclusiveStartKey(from)));
            for (Map<String, AttributeValue> item : page.items()) {
                if (ids.size() < max) {
                    ids.add(Items.string(item, KEY));
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && ids.size() < max);
        return ids;
    }

    private static StagedUpload upload(Map<String, AttributeValue> item) {
        AttributeValue condition = item.get("write_condition");
        AttributeValue sha256 = item.get("sha256");
        return new StagedUpload(
                Items.string(item, KEY),
                new FileKey(new Username(Items.string(item, OWNER)), new FileName(Items.string(item, "file_name"))),
                Items.number(item, "upload_length"),
                Items.number(item, "received_bytes"),
                StagedUpload.condition(condition == null ? null : condition.s()),
                Instant.ofEpochMilli(Items.number(item, "expires_ms")),
                Optional.ofNullable(sha256).map(value -> Sha256Digest.fromHex(value.s())));
    }

    private static S3StagedBytes.Layout layout(Map<String, AttributeValue> item) {
        AttributeValue etags = item.get("part_etags");
        List<String> parts = etags == null || !etags.hasL()
                ? List.of()
                : etags.l().stream().map(AttributeValue::s).toList();
        long parted = Items.number(item, "parted_bytes");
        return new S3StagedBytes.Layout(
                parts,
                parted,
                Items.number(item, "received_bytes") - parted,
                object(item, "tail"),
                object(item, "staged"));
    }

    private static Optional<S3StagedBytes.ObjectRef> object(Map<String, AttributeValue> item, String name) {
        AttributeValue key = item.get(name + "_key");
        if (key == null || key.s() == null) {
            return Optional.empty();
        }
        AttributeValue version = item.get(name + "_version");
        return Optional.of(
                new S3StagedBytes.ObjectRef(key.s(), Optional.ofNullable(version == null ? null : version.s())));
    }

    private static void putExpiry(Map<String, AttributeValue> item, Instant expires) {
        item.put("expires_ms", n(expires.toEpochMilli()));
        item.put(EXPIRES_AT, n(ttl(expires)));
    }

    private static long ttl(Instant expires) {
        return expires.plus(TTL_GRACE).getEpochSecond();
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of(KEY, s(id));
    }
}
