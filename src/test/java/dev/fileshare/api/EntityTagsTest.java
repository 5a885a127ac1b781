package dev.fileshare.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityTagsTest {
    private static final String CURRENT = "\"5d41402abc4b2a76b9719d911017c592\"";

    @Test
    void aListMatchesWhenOneOfItsTagsIsTheCurrentOne() {
        assertThat(EntityTags.parse(CURRENT).matchesStrongly(CURRENT)).isTrue();
        assertThat(EntityTags.parse("\"old\", " + CURRENT).matchesStrongly(CURRENT))
                .isTrue();
        assertThat(EntityTags.parse("\"old\",\"older\"").matchesStrongly(CURRENT))
                .isFalse();
        assertThat(EntityTags.parse(" ,\"old\" ,, " + CURRENT + " ,").matchesWeakly(CURRENT))
                .as("empty elements and white space")
                .isTrue();
        assertThat(EntityTags.parse("\"a,b\", " + CURRENT).matchesStrongly(CURRENT))
                .as("a comma inside a tag")
                .isTrue();
    }

    @Test
    void aWeakTagMatchesOnlyTheWeakComparison() {
        EntityTags weak = EntityTags.parse("W/" + CURRENT);

        assertThat(weak.matchesWeakly(CURRENT)).isTrue();
        assertThat(weak.matchesStrongly(CURRENT)).isFalse();
    }

    @Test
    void aStarMatchesAnyVersion() {
        assertThat(EntityTags.parse(" * ").matchesStrongly(CURRENT)).isTrue();
        assertThat(EntityTags.parse("*").matchesWeakly(CURRENT)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "garbage",
                "W/",
                "\"unterminated",
                "W/abc",
                ",,,",
                "\"a\" \"b\"",
                "*x",
                "*, \"a\"",
                "5d41402abc4b2a76b9719d911017c592",
                "\"5d41402abc4b2a76b9719d911017c592\" junk",
                "w/\"5d41402abc4b2a76b9719d911017c592\""
            })
    void aValueThatIsNoListOfTagsMatchesNothing(String value) {
        assertThat(EntityTags.parse(value).matchesStrongly(CURRENT)).isFalse();
        assertThat(EntityTags.parse(value).matchesWeakly(CURRENT)).isFalse();
    }

    @Test
    void oneTagIsReadOnlyFromExactlyOne() {
        assertThat(EntityTags.Tag.parse(CURRENT)).contains(new EntityTags.Tag(CURRENT, false));
        assertThat(EntityTags.Tag.parse("W/" + CURRENT)).contains(new EntityTags.Tag(CURRENT, true));
        assertThat(EntityTags.Tag.parse(CURRENT + ", \"b\"")).isEmpty();
        assertThat(EntityTags.Tag.parse("Sun, 06 Nov 1994 08:49:37 GMT")).isEmpty();
    }
}
