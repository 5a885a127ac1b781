package dev.fileshare.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkIdTest {
    private static final String ID = "AAAAAAAAAAAAAAAAAAAAAAAA";
    /** SHA-256 of the 24 characters above. */
    private static final String HASH = "1bda9f0aed80857d43c9329457f28b1ca29f736a0c539901e1ba16a909eb07b4";

    @Test
    void carries144RandomBitsAsUrlSafeText() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = LinkId.generate(random).value();
            assertThat(id).matches("[A-Za-z0-9_-]{24}");
            assertThat(seen.add(id)).isTrue();
        }
    }

    @Test
    void isStoredAsTheHexSha256OfItsTextWhoseStartIsItsHandle() {
        LinkId id = new LinkId(ID);

        assertThat(id.hash()).isEqualTo(HASH);
        assertThat(id.handle()).isEqualTo(new LinkHandle(HASH.substring(0, 16)));
        assertThat(id.matches(HASH)).isTrue();
        assertThat(id.matches("0" + HASH.substring(1))).isFalse();
        assertThat(id.matches(HASH.substring(0, 16))).isFalse();
    }

    @Test
    void onlyTheIssuedShapeParses() {
        assertThat(LinkId.parse(ID)).contains(new LinkId(ID));
        assertThat(LinkId.parse(null)).isEmpty();
        assertThat(LinkId.parse(ID + "A")).isEmpty();
        assertThat(LinkId.parse(ID.substring(1))).isEmpty();
        assertThat(LinkId.parse("AAAAAAAAAAAAAAAAAAAAAAA/")).isEmpty();
        assertThat(LinkId.parse("AAAAAAAAAAAAAAAAAAAAAAA=")).isEmpty();
        assertThatThrownBy(() -> new LinkId("short")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLinkIsNamedByItsHandleOrItsId() {
        LinkHandle handle = new LinkId(ID).handle();

        assertThat(LinkHandle.of(handle.value())).contains(handle);
        assertThat(LinkHandle.of(ID)).contains(handle);
        assertThat(LinkHandle.of(handle.value().toUpperCase())).isEmpty();
        assertThat(LinkHandle.of(handle.value() + "0")).isEmpty();
        assertThat(LinkHandle.of("../etc/passwd")).isEmpty();
        assertThat(LinkHandle.of(null)).isEmpty();
    }

    @Test
    void neverPrintsItself() {
        LinkId id = LinkId.generate(new SecureRandom());

        assertThat(id.toString()).doesNotContain(id.value());
    }
}
