package dev.fileshare.config;

import dev.fileshare.store.aws.AwsSettings;

/** Reads and checks the aws store's settings ({@code fileshare.aws.*}). */
final class AwsConfig {
    public static final String REGION = "fileshare.aws.region";
    public static final String BUCKET = "fileshare.aws.bucket";
    public static final String TABLE_USERS = "fileshare.aws.table.users";
    public static final String TABLE_SESSIONS = "fileshare.aws.table.sessions";
    public static final String TABLE_SHARES = "fileshare.aws.table.shares";
    public static final String TABLE_LOGIN_ATTEMPTS = "fileshare.aws.table.login-attempts";
    public static final String TABLE_LINKS = "fileshare.aws.table.links";
    public static final String TABLE_UPLOADS = "fileshare.aws.table.uploads";
    public static final String S3_ENDPOINT = "fileshare.aws.s3.endpoint";
    public static final String DYNAMODB_ENDPOINT = "fileshare.aws.dynamodb.endpoint";
    public static final String CREATE_RESOURCES = "fileshare.aws.create-resources";

    private static final String REGION_RULE = "[a-z]{2}(-[a-z]+)+-\\d+";
    // S3's rules for new buckets, without the dotted forms that break virtual-hosted TLS.
    private static final String BUCKET_RULE = "[a-z0-9][a-z0-9-]{1,61}[a-z0-9]";
    private static final String TABLE_RULE = "[A-Za-z0-9_.-]{3,255}";

    private AwsConfig() {}

    static AwsSettings read(ConfigReader config) {
        return new AwsSettings(
                config.matching(REGION, "us-east-1", REGION_RULE, "an AWS region such as us-east-1"),
                config.matching(
                        BUCKET,
                        "fileshare-files",
                        BUCKET_RULE,
                        "an S3 bucket name: 3-63 of a-z 0-9 -, starting and ending with a letter or digit"),
                new AwsSettings.Tables(
                        table(config, TABLE_USERS, "fileshare-users"),
                        table(config, TABLE_SESSIONS, "fileshare-sessions"),
                        table(config, TABLE_SHARES, "fileshare-shares"),
                        table(config, TABLE_LOGIN_ATTEMPTS, "fileshare-login-attempts"),
                        table(config, TABLE_LINKS, "fileshare-links"),
                        table(config, TABLE_UPLOADS, "fileshare-uploads")),
                config.httpUri(S3_ENDPOINT),
                config.httpUri(DYNAMODB_ENDPOINT),
                config.bool(CREATE_RESOURCES, false));
    }

    private static String table(ConfigReader config, String key, String defaultValue) {
        return config.matching(key, defaultValue, TABLE_RULE, "a DynamoDB table name: 3-255 of A-Z a-z 0-9 _ . -");
    }
}
