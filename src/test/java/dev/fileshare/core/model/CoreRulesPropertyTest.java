package dev.fileshare.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Properties of the core rules over generated input: names, Base64, ranges, tokens. */
class CoreRulesPropertyTest {

    @Property
    void aFileNameIsAcceptedExactlyWhenItKeepsEveryRule(@ForAll("names") String name) {
        String nfc = wellFormed(name) ? Normalizer.normalize(name, Normalizer.Form.NFC) : name;
        boolean expected = wellFormed(name)
                && !nfc.isEmpty()
                && !nfc.equals(".")
                && !nfc.equals("..")
                && nfc.chars().noneMatch(c -> c == '/' || c == '\\')
                && nfc.codePoints().noneMatch(CoreRulesPropertyTest::controlOrInvisible)
                && nfc.getBytes(StandardCharsets.UTF_8).length <= 255;

        assertThat(FileName.problemWith(name) == null).isEqualTo(expected);
    }

    @Property
    void everySpellingOfANameIsTheOneNfcName(@ForAll("names") String name) {
        Assume.that(FileName.problemWith(name) == null);
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        Assume.that(FileName.problemWith(decomposed) == null);

        FileName parsed = FileName.parse("file_name", name);

        assertThat(FileName.parse("file_name", decomposed)).isEqualTo(parsed);
        assertThat(Normalizer.isNormalized(parsed.value(), Normalizer.Form.NFC)).isTrue();
        assertThat(new FileName(parsed.value())).isEqualTo(parsed);
    }

    @Property
    void anAcceptedNameShowsEveryCharacterItHas(@ForAll("names") String name) {
        Assume.that(FileName.problemWith(name) == null);

        assertThat(FileName.parse("file_name", name).value().codePoints())
                .noneMatch(CoreRulesPropertyTest::controlOrInvisible);
    }

    @Property
    void oneControlOrInvisibleCharacterAnywhereMakesANameInvalid(
            @ForAll("names") String name,
            @ForAll @IntRange(min = 0, max = 300) int position,
            @ForAll("controlsAndInvisibles") int forbidden) {
        Assume.that(wellFormed(name));
        int at = name.offsetByCodePoints(0, Math.min(position, name.codePointCount(0, name.length())));
        String spoof = name.substring(0, at) + Character.toString(forbidden) + name.substring(at);

        assertThat(FileName.problemWith(spoof)).isNotNull();
    }

    @Property
    void anAcceptedFileNameStaysInsideItsOwnersSpace(@ForAll("names") String name) {
        if (FileName.problemWith(name) == null) {
            FileKey key = new FileKey(new Username("owner"), new FileName(name));
            // The key splits back into exactly its owner and its name: no name adds a path level.
            String[] parts = key.value().split("/", -1);
            assertThat(parts).containsExactly("owner", Normalizer.normalize(name, Normalizer.Form.NFC));
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
                // Letters that compose (e + U+0301 is é), and the invisible and bidi characters a spoof needs.
                Arbitraries.strings()
                        .withChars(
                                "aeAÅé\u0301\u030A\u212B\u0085\u00AD\u061C\u200B\u200D\u200E\u202E\u2028\u2066\uFEFF")
                        .ofMaxLength(10),
                Arbitraries.strings().withCharRange('\u0080', '\u3000').ofMaxLength(20),
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

    /** Control characters (Cc), format characters (Cf: bidi controls, zero-width, BOM, tags...), U+2028/U+2029. */
    @Provide
    Arbitrary<Integer> controlsAndInvisibles() {
        List<Integer> all = IntStream.rangeClosed(0, Character.MAX_CODE_POINT)
                .filter(CoreRulesPropertyTest::controlOrInvisible)
                .boxed()
                .toList();
        return Arbitraries.oneOf(
                Arbitraries.of(0x202E, 0x202A, 0x2066, 0x2069, 0x200E, 0x200F, 0x061C, 0x200B, 0x200D, 0x2060, 0xFEFF),
                Arbitraries.of(0x2028, 0x2029, 0x0085, 0x009B, 0x0000, 0x001B, 0x007F, 0x00AD, 0xE0001),
                Arbitraries.of(all));
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

    private static boolean controlOrInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
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
