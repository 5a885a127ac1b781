package dev.fileshare.store.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.FileKey;
import dev.fileshare.core.model.FileName;
import dev.fileshare.core.model.FileVersion;
import dev.fileshare.core.model.PreconditionFailedException;
import dev.fileshare.core.model.Quota;
import dev.fileshare.core.model.QuotaExceededException;
import dev.fileshare.core.model.Sha256Digest;
import dev.fileshare.core.model.Username;
import dev.fileshare.core.model.WriteCondition;
import dev.fileshare.core.port.BlobStore;
import dev.fileshare.core.port.DigestingInputStream;
import dev.fileshare.tools.AwsStandIns;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What the contract cannot see: multipart uploads of large or unknown-length content, and S3's own checks of
 * write and read conditions at commit time, which the store's early look-up would otherwise hide.
 */
@ExtendWith(AwsStandInsExtension.class)
class S3BlobStoreTest {
    private static final FileKey BIG = new FileKey(new Username("alice"), new FileName("big.bin"));

    AwsSettings config;
    AwsClients clients;
    S3BlobStore store;

    @BeforeEach
    void open(AwsStandIns standIns) {
        config = TestResources.fresh(standIns);
        AwsStore.open(config, Duration.ofMinutes(15)).close();
        clients = AwsClients.create(config);
        store = new S3BlobStore(clients.s3(), config.bucket(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        clients.close();
    }

    @Test
    void uploadsContentOfUnknownLengthInPartsAndReadsItBack() throws Exception {
        byte[] content = randomBytes(2 * S3BlobStore.PART_SIZE + 12345);

        BlobStore.WriteResult result = store.write(BIG, new ByteArrayInputStream(content), -1, WriteCondition.ALWAYS);

        assertThat(result.created()).isTrue();
        assertThat(result.entry().size()).isEqualTo(content.length);
        assertThat(store.find(BIG)).contains(result.entry());
        assertThat(sha256(store.read(result.entry(), 0, content.length))).isEqualTo(sha256(content));
        assertThat(pendingUploads()).isZero();
    }

    @Test
    void uploadsLargeContentOfKnownLengthInParts() throws Exception {
        byte[] content = randomBytes(S3BlobStore.PART_SIZE + 1);

        FileVersion entry = store.write(BIG, new ByteArrayInputStream(content), content.length, WriteCondition.ALWAYS)
                .entry();

        assertThat(entry.size()).isEqualTo(content.length);
        try (InputStream tail = store.read(entry, content.length - 3, 3)) {
            assertThat(tail.readAllBytes())
                    .containsExactly(
                            content[content.length - 3], content[content.length - 2], content[content.length - 1]);
        }
    }

    @Test
    void aShortLargeBodyAbortsItsUploadAndKeepsTheOldContent() throws Exception {
        store.write(BIG, new ByteArrayInputStream(bytes("intact")), 6, WriteCondition.ALWAYS);
        byte[] half = randomBytes(S3BlobStore.PART_SIZE + 10);

        assertThatThrownBy(
                        () -> store.write(BIG, new ByteArrayInputStream(half), 2L * half.length, WriteCondition.ALWAYS))
                .isInstanceOf(IOException.class);

        FileVersion current = store.find(BIG).orElseThrow();
        assertThat(store.read(current, 0, current.size()).readAllBytes()).isEqualTo(bytes("intact"));
        assertThat(pendingUploads()).isZero();
    }

    @Test
    void aLargeBodyWithAnotherDigestThanAnnouncedAbortsItsUploadAndKeepsTheOldContent() throws Exception {
        store.write(BIG, new ByteArrayInputStream(bytes("intact")), 6, WriteCondition.ALWAYS);
        byte[] large = randomBytes(S3BlobStore.PART_SIZE + 10);
        DigestingInputStream tampered = DigestingInputStream.of(
                new ByteArrayInputStream(large), large.length, Optional.of(Sha256Digest.ofContent(bytes("other"))));

        assertThatThrownBy(() -> store.write(BIG, tampered, large.length, WriteCondition.ALWAYS, Quota.UNLIMITED))
                .isInstanceOf(IOException.class);

        assertThat(tampered.mismatch()).isPresent();
        FileVersion current = store.find(BIG).orElseThrow();
        assertThat(store.read(current, 0, current.size()).readAllBytes()).isEqualTo(bytes("intact"));
        assertThat(pendingUploads()).isZero();
    }

    @Test
    void aFailingSourceIsReportedAsTheClientsIoException() {
        InputStream broken = new SequenceInputStream(new ByteArrayInputStream(bytes("abc")), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("client went away");
            }
        });

        assertThatThrownBy(() -> store.write(BIG, broken, 100, WriteCondition.ALWAYS))
                .isInstanceOf(IOException.class)
                .hasMessage("client went away");
        assertThat(store.find(BIG)).isEmpty();
    }

    @Test
    void theStandInRefusesACreateOnlyPutOfAnExistingKeyAtCommit() {
        S3Client s3 = clients.s3();
        s3.putObject(put -> put.bucket(config.bucket()).key(BIG.value()), RequestBody.fromString("first"));

        assertThatThrownBy(() -> s3.putObject(
                        put -> put.bucket(config.bucket()).key(BIG.value()).ifNoneMatch("*"),
                        RequestBody.fromString("second")))
                .isInstanceOfSatisfying(
                        S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
    }

    /**
     * As S3 does, the stand-in answers a GET during overwrites of the same key with a whole version, never 404
     * (S3Proxy alone did not: {@code KeyConsistentBlobStore}). 4 writers, each putting and getting 250 times.
     */
    @Test
    void theStandInAnswersAGetDuringOverwritesWithAVersion() throws Exception {
        S3Client s3 = clients.s3();
        byte[] content = randomBytes(256 * 1024);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        s3.putObject(
                                put -> put.bucket(config.bucket()).key(BIG.value()), RequestBody.fromBytes(content));
                        assertThat(s3.getObjectAsBytes(get ->
                                                get.bucket(config.bucket()).key(BIG.value()))
                                        .asByteArray())
                                .hasSize(content.length);
                    }
                    return 250;
                }));
            }
            for (Future<Integer> writer : done) {
                assertThat(writer.get(60, TimeUnit.SECONDS)).isEqualTo(250);
            }
        } finally {
            writers.shutdownNow();
        }
    }

    @Test
    void theStandInRefusesAnIfMatchPutOfAnotherVersionAtCommit() {
        S3Client s3 = clients.s3();
        s3.putObject(put -> put.bucket(config.bucket()).key(BIG.value()), RequestBody.fromString("first"));

        assertThatThrownBy(() -> s3.putObject(
                        put -> put.bucket(config.bucket())
                                .key(BIG.value())
                                .ifMatch("\"00000000000000000000000000000000\""),
                        RequestBody.fromString("second")))
                .isInstanceOfSatisfying(
                        S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
    }

    @Test
    void aMultipartUploadOverTheQuotaIsAbortedBeforeItCommits() throws IOException {
        byte[] content = randomBytes(S3BlobStore.PART_SIZE + 1);
        Quota quota = new Quota(OptionalLong.of(S3BlobStore.PART_SIZE), OptionalLong.empty());

        // Of unknown length, so its size is known only once the last part is sent.
        assertThatThrownBy(() -> store.write(BIG, new ByteArrayInputStream(content), -1, WriteCondition.ALWAYS, quota))
                .isInstanceOf(QuotaExceededException.class);

        assertThat(store.find(BIG)).isEmpty();
        assertThat(pendingUploads()).isZero();
    }

    @Test
    void aCreateOnlyMultipartUploadLosesAtCommitToAWriteThatCameFirst() throws IOException {
        // The race the early look-up cannot see: the key appears while the parts are being uploaded.
        byte[] part = randomBytes(S3BlobStore.PART_SIZE);
        MultipartUpload upload = new MultipartUpload(clients.s3(), config.bucket(), BIG.value());
        clients.s3().putObject(put -> put.bucket(config.bucket()).key(BIG.value()), RequestBody.fromString("winner"));

        assertThatThrownBy(() -> upload.upload(
                        part, part.length, InputStream.nullInputStream(), WriteCondition.ONLY_IF_ABSENT, anySize -> {}))
                .isInstanceOfSatisfying(
                        S3Exception.class, e -> assertThat(e.statusCode()).isIn(409, 412));

        FileVersion current = store.find(BIG).orElseThrow();
        assertThat(store.read(current, 0, current.size()).readAllBytes()).isEqualTo(bytes("winner"));
        assertThat(pendingUploads()).isZero();
    }

    @Test
    void anIfMatchWriteOfAVersionReplacedMeanwhileFails() throws IOException {
        FileVersion v1 = store.write(BIG, new ByteArrayInputStream(bytes("v1")), 2, WriteCondition.ALWAYS)
                .entry();
        store.write(BIG, new ByteArrayInputStream(bytes("v2")), 2, WriteCondition.ALWAYS);

        assertThatThrownBy(() -> store.write(
                        BIG, new ByteArrayInputStream(bytes("v3")), -1, new WriteCondition.OnlyIfMatches(v1.etag())))
                .isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void theStandInRefusesAReadOfAnotherVersion() {
        clients.s3().putObject(put -> put.bucket(config.bucket()).key(BIG.value()), RequestBody.fromString("current"));

        assertThatThrownBy(() -> clients.s3()
                        .getObjectAsBytes(get -> get.bucket(config.bucket())
                                .key(BIG.value())
                                .ifMatch("\"00000000000000000000000000000000\"")))
                .isInstanceOfSatisfying(
                        S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
    }

    @Test
    void aDownloadClosedBeforeItsEndAbortsTheConnectionRatherThanReadingTheRest() throws Exception {
        byte[] content = randomBytes(64 * 1024 * 1024);
        FileVersion entry = store.write(BIG, new ByteArrayInputStream(content), content.length, WriteCondition.ALWAYS)
                .entry();
        try (CountingProxy proxy = CountingProxy.to(config.s3Endpoint().orElseThrow());
                AwsClients viaProxy = AwsClients.create(new AwsSettings(
                        config.region(),
                        config.bucket(),
                        config.tables(),
                        Optional.of(proxy.uri()),
                        config.dynamoDbEndpoint(),
                        false))) {
            S3BlobStore reader = new S3BlobStore(viaProxy.s3(), config.bucket(), Clock.systemUTC());

            // A client that went away after the first bytes, of a whole-file and of a ranged download.
            long before = proxy.bytesToClients();
            try (InputStream whole = reader.openCurrent(BIG).orElseThrow().stream()) {
                assertThat(whole.read()).isEqualTo(content[0] & 0xFF);
            }
            long wholeRelayed = proxy.bytesToClients() - before;
            before = proxy.bytesToClients();
            try (InputStream range = reader.read(entry, 1, content.length - 1)) {
                assertThat(range.read()).isEqualTo(content[1] & 0xFF);
            }
            long rangeRelayed = proxy.bytesToClients() - before;

            // Closing drains: close() returns once all 64 MiB came over. Aborting stops at what the socket buffers
            // held.
            assertThat(wholeRelayed).as("bytes received for a whole file").isLessThan(content.length / 2);
            assertThat(rangeRelayed).as("bytes received for a range").isLessThan(content.length / 2);
            // ... and a stream read to its end is still closed normally.
            assertThat(sha256(reader.read(entry, 0, content.length))).isEqualTo(sha256(content));
        }
    }

    @Test
    void listsNoObjectThatIsNotAFileOfTheOwner() throws IOException {
        // A console's "folder" marker and a deeper key: neither is a file name of this service.
        clients.s3().putObject(put -> put.bucket(config.bucket()).key("alice/"), RequestBody.empty());
        clients.s3().putObject(put -> put.bucket(config.bucket()).key("alice/dir/x"), RequestBody.fromString("x"));
        store.write(BIG, new ByteArrayInputStream(bytes("b")), 1, WriteCondition.ALWAYS);

        assertThat(store.list(new Username("alice")))
                .extracting(FileVersion::key)
                .containsExactly(BIG);
    }

    private int pendingUploads() {
        return clients.s3()
                .listMultipartUploads(list -> list.bucket(config.bucket()))
                .uploads()
                .size();
    }

    private static byte[] randomBytes(int size) {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        return content;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(InputStream in) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (in) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) != -1; ) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }

    private static byte[] sha256(byte[] content) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(content);
    }
}
