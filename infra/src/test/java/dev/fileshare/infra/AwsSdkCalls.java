package dev.fileshare.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the service's AWS store adapter asks of AWS, read from its sources: every call on an S3
 * client, an S3 presigner or a DynamoDB client, turned into the IAM action it needs on the resource
 * it touches. This is the other side of the task role's policy: it knows nothing of the constants
 * that build the policy, only the adapter's code and IAM's rules for each SDK operation.
 *
 * <p>Granularity: a DynamoDB call applies to the table its class is given (by the adapter's
 * {@code new SomeStore(..., tables.x(), ...)}), or, in a class given none, to every table it names; a
 * class that queries and names an index queries that index too; a scan scans an index only when its own request
 * names it. An S3 read that names an object
 * version ({@code .versionId(...)} in its request) needs s3:GetObjectVersion as well, and a delete that names one
 * s3:DeleteObjectVersion. A call the table
 * below does not know fails the inventory: map it to its IAM action here before granting it.
 */
final class AwsSdkCalls {

    /** Where an action applies. */
    enum Scope {
        BUCKET,
        OBJECTS,
        TABLE,
        INDEX
    }

    /**
     * One permission the adapter needs.
     *
     * @param table the AwsSettings.Tables accessor (users, sessions, shares, loginAttempts, links, uploads) for TABLE and INDEX
     * @param index the index name for INDEX
     */
    record Permission(String action, Scope scope, String table, String index) {}

    /** Calls made only with fileshare.aws.create-resources=true, which the stack never sets. */
    static final String CREATE_RESOURCES_ONLY = "AwsResources.java";

    private enum Client {
        S3,
        PRESIGNER,
        DYNAMODB
    }

    private record Need(Scope scope, List<String> actions) {}

    private static final Map<String, Client> CLIENT_TYPES =
            Map.of("S3Client", Client.S3, "S3Presigner", Client.PRESIGNER, "DynamoDbClient", Client.DYNAMODB);

    /** Closing a client is no AWS call. */
    private static final Set<String> NOT_CALLS = Set.of("close");

    /**
     * IAM's rules (AWS service authorization reference): which action authorises each operation.
     * HeadObject is authorised by s3:GetObject, HeadBucket and ListObjectsV2 by s3:ListBucket, the
     * multipart operations by s3:PutObject; a presigned request needs what the request itself needs.
     */
    private static final Map<String, Need> S3_OPERATIONS = Map.ofEntries(
            Map.entry("putObject", objects("s3:PutObject")),
            Map.entry("getObject", objects("s3:GetObject")),
            Map.entry("headObject", objects("s3:GetObject")),
            Map.entry("deleteObject", objects("s3:DeleteObject")),
            Map.entry("deleteObjects", objects("s3:DeleteObject")),
            Map.entry("copyObject", objects("s3:GetObject", "s3:PutObject")),
            Map.entry("createMultipartUpload", objects("s3:PutObject")),
            Map.entry("uploadPart", objects("s3:PutObject")),
            Map.entry("completeMultipartUpload", objects("s3:PutObject")),
            Map.entry("abortMultipartUpload", objects("s3:AbortMultipartUpload")),
            Map.entry("listParts", objects("s3:ListMultipartUploadParts")),
            Map.entry("listMultipartUploads", bucket("s3:ListBucketMultipartUploads")),
            Map.entry("listObjectsV2", bucket("s3:ListBucket")),
            Map.entry("listObjectsV2Paginator", bucket("s3:ListBucket")),
            Map.entry("headBucket", bucket("s3:ListBucket")),
            Map.entry("listObjectVersions", bucket("s3:ListBucketVersions")),
            Map.entry("listObjectVersionsPaginator", bucket("s3:ListBucketVersions")),
            Map.entry("getBucketVersioning", bucket("s3:GetBucketVersioning")),
            Map.entry("presignGetObject", objects("s3:GetObject")),
            Map.entry("presignPutObject", objects("s3:PutObject")),
            Map.entry("presignCreateMultipartUpload", objects("s3:PutObject")),
            Map.entry("presignUploadPart", objects("s3:PutObject")),
            Map.entry("presignCompleteMultipartUpload", objects("s3:PutObject")),
            Map.entry("presignAbortMultipartUpload", objects("s3:AbortMultipartUpload")));

    private static final Map<String, String> DYNAMODB_OPERATIONS = Map.ofEntries(
            Map.entry("getItem", "dynamodb:GetItem"),
            Map.entry("putItem", "dynamodb:PutItem"),
            Map.entry("updateItem", "dynamodb:UpdateItem"),
            Map.entry("deleteItem", "dynamodb:DeleteItem"),
            Map.entry("query", "dynamodb:Query"),
            Map.entry("queryPaginator", "dynamodb:Query"),
            Map.entry("scan", "dynamodb:Scan"),
            Map.entry("scanPaginator", "dynamodb:Scan"),
            Map.entry("batchGetItem", "dynamodb:BatchGetItem"),
            Map.entry("batchWriteItem", "dynamodb:BatchWriteItem"),
            Map.entry("describeTable", "dynamodb:DescribeTable"));

    private static final Pattern DECLARATION =
            Pattern.compile("\\b(" + String.join("|", CLIENT_TYPES.keySet()) + ")\\s+(\\w+)\\b");
    private static final Pattern CONSTRUCTION = Pattern.compile("\\bnew\\s+(\\w+)\\s*\\(");
    private static final Pattern TABLE_REFERENCE = Pattern.compile("\\btables\\.(\\w+)\\(\\)");
    /** A request that names an object version: a versionId setter given an argument (not the response's getter). */
    private static final Pattern VERSION_ID = Pattern.compile("\\.\\s*versionId\\s*\\(\\s*[^)\\s]");
    /** Reads whose request may name a version, and then need s3:GetObjectVersion (IAM's rule for versionId). */
    private static final Set<String> VERSIONED_READS = Set.of("getObject", "headObject", "presignGetObject");
    /**
     * Deletes whose request may name a version (a delete marker, or a version purged for good), and then need
     * s3:DeleteObjectVersion; DeleteObjects needs it for each object it names with a version.
     */
    private static final Set<String> VERSIONED_DELETES = Set.of("deleteObject", "deleteObjects");

    /**
     * The adapter's one helper that makes a DynamoDB call for its caller ({@code Items.get}: a consistent GetItem
     * on the table the caller passes): its call counts in every file that calls it, on that file's table.
     */
    private static final String HELPER_FILE = "Items.java";

    private static final Pattern HELPER_GET_ITEM = Pattern.compile("\\bItems\\.get\\(");

    private static final Pattern INDEX_NAME = Pattern.compile("\\.indexName\\(\\s*(\\w+|\"[^\"]*\")\\s*\\)");

    private AwsSdkCalls() {}

    /** The permissions the adapter in {@code adapter} needs, from its sources. */
    static Set<Permission> of(final Path adapter) {
        Map<String, String> sources = read(adapter);
        Map<String, Client> accessors = declarations(code(sources.get("AwsClients.java")));
        Map<String, String> boundTables = boundTables(code(sources.get("AwsStore.java")));

        Set<Permission> permissions = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        sources.forEach((file, source) -> {
            if (file.equals(CREATE_RESOURCES_ONLY)) {
                return;
            }
            String code = code(source);
            List<Call> calls = new ArrayList<>(calls(code, declarations(code), accessors));
            if (file.equals(HELPER_FILE)) {
                calls.removeIf(call -> call.client() == Client.DYNAMODB);
            }
            if (HELPER_GET_ITEM.matcher(code).find()) {
                calls.add(new Call(Client.DYNAMODB, "getItem", ""));
            }
            List<String> tables =
                    boundTables.containsKey(file) ? List.of(boundTables.get(file)) : references(TABLE_REFERENCE, code);
            List<String> indexes = indexes(source);
            for (Call call : calls) {
                if (NOT_CALLS.contains(call.method())) {
                    continue;
                }
                if (call.client() == Client.DYNAMODB) {
                    String action = DYNAMODB_OPERATIONS.get(call.method());
                    if (action == null || tables.isEmpty()) {
                        unknown.add(file + ": dynamoDb." + call.method() + (action == null ? "" : " (which table?)"));
                        continue;
                    }
                    for (String table : tables) {
                        permissions.add(new Permission(action, Scope.TABLE, table, null));
                        // A Query may name an index outside its call; a Scan of the table (a sweep) names none.
                        boolean scansAnIndex = action.equals("dynamodb:Scan")
                                && INDEX_NAME.matcher(call.arguments()).find();
                        if (action.equals("dynamodb:Query") || scansAnIndex) {
                            indexes.forEach(
                                    index -> permissions.add(new Permission(action, Scope.INDEX, table, index)));
                        }
                    }
                } else {
                    Need need = S3_OPERATIONS.get(call.method());
                    if (need == null) {
                        unknown.add(file + ": " + call.client() + "." + call.method());
                        continue;
                    }
                    need.actions().forEach(a -> permissions.add(new Permission(a, need.scope(), null, null)));
                    if (VERSIONED_READS.contains(call.method())
                            && VERSION_ID.matcher(call.arguments()).find()) {
                        permissions.add(new Permission("s3:GetObjectVersion", Scope.OBJECTS, null, null));
                    }
                    if (VERSIONED_DELETES.contains(call.method())
                            && VERSION_ID.matcher(call.arguments()).find()) {
                        permissions.add(new Permission("s3:DeleteObjectVersion", Scope.OBJECTS, null, null));
                    }
                }
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("AWS SDK calls without a known IAM action: " + unknown);
        }
        return permissions;
    }

    /** A client method called, with the source text of its arguments. */
    private record Call(Client client, String method, String arguments) {}

    private static List<Call> calls(
            final String code, final Map<String, Client> variables, final Map<String, Client> accessors) {
        List<Call> calls = new ArrayList<>();
        variables.forEach((name, client) -> {
            Matcher call = Pattern.compile("(?<![\\w.])" + name + "\\s*\\.\\s*(\\w+)\\s*\\(")
                    .matcher(code);
            while (call.find()) {
                calls.add(new Call(client, call.group(1), arguments(code, call.end())));
            }
        });
        accessors.forEach((name, client) -> {
            Matcher call = Pattern.compile("\\.\\s*" + name + "\\s*\\(\\s*\\)\\s*\\.\\s*(\\w+)\\s*\\(")
                    .matcher(code);
            while (call.find()) {
                calls.add(new Call(client, call.group(1), arguments(code, call.end())));
            }
        });
        return calls;
    }

    /**
     * Which table each store class is given where the adapter builds it: the one {@code tables.x()} among
     * the arguments of {@code new SomeStore(...)}, nested constructions included.
     */
    private static Map<String, String> boundTables(final String code) {
        Map<String, String> bound = new HashMap<>();
        Matcher construction = CONSTRUCTION.matcher(code);
        while (construction.find()) {
            List<String> tables = references(TABLE_REFERENCE, arguments(code, construction.end()));
            // One table binds the class; several (the Stores that holds them all) bind nothing: a class given
            // none makes its calls name their tables, or fail the inventory.
            if (tables.size() == 1) {
                bound.put(construction.group(1) + ".java", tables.get(0));
            }
        }
        return bound;
    }

    /** The text between the parenthesis just before {@code start} and the one that closes it. */
    private static String arguments(final String code, final int start) {
        int depth = 1;
        for (int i = start; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return code.substring(start, i);
            }
        }
        throw new IllegalStateException("unbalanced parentheses after: "
                + code.substring(Math.max(0, start - 40), Math.min(code.length(), start + 40)));
    }

    /** Variables, fields, parameters and record components of a client type: name to client. */
    private static Map<String, Client> declarations(final String code) {
        Map<String, Client> declared = new HashMap<>();
        Matcher declaration = DECLARATION.matcher(code);
        while (declaration.find()) {
            declared.put(declaration.group(2), CLIENT_TYPES.get(declaration.group(1)));
        }
        return declared;
    }

    /** Index names given to indexName(...), literal or through a String constant of the same file. */
    private static List<String> indexes(final String source) {
        List<String> names = new ArrayList<>();
        Matcher index = INDEX_NAME.matcher(source);
        while (index.find()) {
            String argument = index.group(1);
            if (argument.startsWith("\"")) {
                names.add(argument.substring(1, argument.length() - 1));
            } else {
                Matcher constant = Pattern.compile("\\b" + argument + "\\s*=\\s*\"([^\"]*)\"")
                        .matcher(source);
                // Or a constant read from the table schema both projects share: DynamoTables.X.invertedIndex(), or
                // DynamoTables.X.sparseIndex()....name().
                Matcher fromSchema = Pattern.compile(
                                "\\b" + argument + "\\s*=\\s*DynamoTables\\.(\\w+)\\.(invertedIndex|sparseIndex)\\(\\)")
                        .matcher(source);
                if (constant.find()) {
                    names.add(constant.group(1));
                } else if (fromSchema.find()) {
                    StoreTables.Keys table = sharedSchema(fromSchema.group(1));
                    names.add(
                            fromSchema.group(2).equals("invertedIndex")
                                    ? table.invertedIndex().orElseThrow()
                                    : table.sparseIndex().orElseThrow().name());
                } else {
                    throw new IllegalStateException("cannot resolve the index name " + argument);
                }
            }
        }
        return names.stream().distinct().toList();
    }

    private static List<String> references(final Pattern pattern, final String code) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(code);
        while (m.find()) {
            found.add(m.group(1));
        }
        return List.copyOf(found);
    }

    /** The adapter's Java sources by file name. */
    private static Map<String, String> read(final Path adapter) {
        Map<String, String> sources = new HashMap<>();
        try (Stream<Path> files = Files.list(adapter)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(file.getFileName().toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + adapter, e);
        }
        for (String required : List.of("AwsClients.java", "AwsStore.java")) {
            if (!sources.containsKey(required)) {
                throw new IllegalStateException(adapter + " has no " + required);
            }
        }
        return sources;
    }

    /** Java source without comments and with empty string and character literals: code only. */
    static String code(final String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
                code.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? source.length() : end + 3;
                code.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != c) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                code.append(c).append(c);
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }

    private static Need objects(final String... actions) {
        return new Need(Scope.OBJECTS, List.of(actions));
    }

    private static Need bucket(final String... actions) {
        return new Need(Scope.BUCKET, List.of(actions));
    }

    /** The table {@code DynamoTables.<name>} of the adapter is {@code StoreTables.<name>} here: one file feeds both. */
    private static StoreTables.Keys sharedSchema(final String name) {
        try {
            return (StoreTables.Keys) StoreTables.class.getDeclaredField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no table " + name + " in the shared DynamoDB schema", e);
        }
    }
}
