package dev.fileshare.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Properties of the core rules over generated input: names, Base64, ranges, tokens. */
class CoreRulesPropertyTest {

    @Property
    void aFileNameIsAcceptedExactlyWhenItKeepsEveryRule(@ForAll("names") String name) {
        boolean expected = !name.isEmpty()
                && !name.equals(".")
                && !name.equals("..")
                && name.chars().noneMatch(c -> c == '/' || c == '\\' || c < 0x20 || c == 0x7F)
                && wellFormed(name)
                && name.getBytes(StandardCharsets.UTF_8).length <= 255;

        assertThat(FileName.problemWith(name) == null).isEqualTo(expected);
    }

    @Property
    void anAcceptedFileNameStaysInsideItsOwnersSpace(@ForAll("names") String name) {
        if (FileName.problemWith(name) == null) {
            FileKey key = new FileKey(new Username("owner"), new FileName(name));
            // The key splits back into exactly its owner and its name: no name adds a path level.
            String[] parts = key.value().split("/", -1);
            assertThat(parts).containsExactly("owner", name);
        }
    }

    @Property
    void aUsernameIsAcceptedExactlyWhenItMatchesTheRule(@ForAll("usernames") String name) {
        boolean expected = name.length() >= 1
                && name.length() <= 64
                && name.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '-');

        assertThat(Username.isValid(name)).isEqualTo(expected);
    }

    @Property
    void base64RoundTripsAnyContent(@ForAll byte[] content) {
        String encoded = Base64.getEncoder().encodeToString(content);

        assertThat(StrictBase64.decode("content", encoded)).isEqualTo(content);
        assertThat(StrictBase64.decodedLength(encoded)).isEqualTo(content.length);
    }

    @Property
    void strictBase64AcceptsOnlyTheCanonicalEncodingOfSomething(@ForAll("base64ish") String text) {
        byte[] decoded;
        try {
            decoded = StrictBase64.decode("content", text);
        } catch (InvalidInputException rejected) {
            return;
        }
        assertThat(Base64.getEncoder().encodeToString(decoded)).isEqualTo(text);
    }

    @Property
    void aSatisfiableRangeLiesInsideTheFile(
            @ForAll @LongRange(min = 0, max = 10_000) long size,
            @ForAll @LongRange(min = 0, max = 12_000) long first,
            @ForAll @LongRange(min = 0, max = 12_000) long last) {
        String header = "bytes=" + first + "-" + last;
        Optional<ByteRange> range;
        try {
            range = ByteRange.parse(header, size);
        } catch (RangeNotSatisfiableException e) {
            assertThat(first).isGreaterThanOrEqualTo(size);
            return;
        }
        if (range.isEmpty()) {
            assertThat(last).isLessThan(first);
            return;
        }
        ByteRange r = range.get();
        assertThat(r.offset()).isEqualTo(first);
        assertThat(r.last()).isEqualTo(Math.min(last, size - 1));
        assertThat(r.length()).isPositive();
    }

    @Property
    void aSuffixRangeIsTheLastBytes(
            @ForAll @LongRange(min = 1, max = 10_000) long size,
            @ForAll @LongRange(min = 1, max = 20_000) long suffix) {
        ByteRange r = ByteRange.parse("bytes=-" + suffix, size).orElseThrow();

        assertThat(r.length()).isEqualTo(Math.min(suffix, size));
        assertThat(r.last()).isEqualTo(size - 1);
    }

    @Property
    void malformedRangeHeadersAreIgnored(@ForAll("junkRanges") String header) {
        assertThat(ByteRange.parse(header, 100)).isEmpty();
    }

    @Property(tries = 200)
    void tokensHashToDistinctDigests(@ForAll @IntRange(min = 1, max = 50) int ignored) {
        SessionToken a = SessionToken.generate(new java.security.SecureRandom());
        SessionToken b = SessionToken.generate(new java.security.SecureRandom());

        assertThat(a.hash()).hasSize(64).isNotEqualTo(b.hash()).doesNotContain(a.value());
    }

    @Property
    void parsingNeverThrowsAnythingButTheRuleExceptions(@ForAll("names") String anything) {
        assertThatCodeOnlyThrowsRuleExceptions(() -> FileName.parse("file_name", anything));
        assertThatCodeOnlyThrowsRuleExceptions(() -> Username.parse("username", anything));
        assertThatCodeOnlyThrowsRuleExceptions(() -> StrictBase64.decode("content", anything));
        assertThatCodeOnlyThrowsRuleExceptions(() -> ByteRange.parse(anything, 10));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMinLength(0).ofMaxLength(300),
                Arbitraries.strings().withChars("./\\\u0000\u007Fa é😀").ofMaxLength(8),
                Arbitraries.of(
                        ".",
                        "..",
                        "...",
                        "a/b",
                        "a\\b",
                        "é".repeat(127),
                        "é".repeat(128),
                        "a".repeat(255),
                        "a".repeat(256)));
    }

    @Provide
    Arbitrary<String> usernames() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('0', 'z').ofMaxLength(70),
                Arbitraries.strings().all().ofMaxLength(10));
    }

    @Provide
    Arbitrary<String> base64ish() {
        return Arbitraries.strings().withChars("AQgw+/=aZz09\n -_").ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> junkRanges() {
        return Arbitraries.oneOf(
                Arbitraries.strings()
                        .withChars("bytes=0123456789-, ")
                        .ofMaxLength(20)
                        .filter(s -> !s.strip().toLowerCase().matches("bytes\\s*=\\s*\\d*\\s*-\\s*\\d*")),
                Arbitraries.of("bytes=1-2,4-5", "items=0-1", "bytes=", "bytes=-", "bytes=a-b", "bytes=5-1"));
    }

    private static void assertThatCodeOnlyThrowsRuleExceptions(Runnable parse) {
        try {
            parse.run();
        } catch (FileshareException expected) {
            // a rule said no: the only acceptable failure
        }
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
