package dev.fileshare.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What an upload URL is issued for: a file, a size (zero-byte files included) and a condition. */
class UploadTermsTest {
    private static final FileKey FILE = new FileKey(new Username("alice"), new FileName("empty.txt"));

    @Test
    void aZeroByteUploadIsAnUpload() {
        assertThat(new UploadTerms(FILE, 0, WriteCondition.ALWAYS).size()).isZero();
    }

    @Test
    void aNegativeSizeOrAMissingFileOrConditionIsRefused() {
        assertThatThrownBy(() -> new UploadTerms(FILE, -1, WriteCondition.ALWAYS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UploadTerms(null, 1, WriteCondition.ALWAYS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UploadTerms(FILE, 1, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
