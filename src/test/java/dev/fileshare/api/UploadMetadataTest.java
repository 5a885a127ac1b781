package dev.fileshare.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.core.model.InvalidInputException;
import org.junit.jupiter.api.Test;

class UploadMetadataTest {
    @Test
    void readsKeysWithBase64ValuesAndKeysAlone() {
        UploadMetadata metadata =
                UploadMetadata.parse("filename cmVwb3J0IMOpdMOpLnBkZg==, is-private,if-none-match Kg==");

        assertThat(metadata.get("filename")).contains("report été.pdf");
        assertThat(metadata.get("is-private")).contains("");
        assertThat(metadata.get("if-none-match")).contains("*");
        assertThat(metadata.get("other")).isEmpty();
        assertThat(UploadMetadata.parse(null).pairs()).isEmpty();
    }

    @Test
    void refusesWhatIsNotMetadata() {
        for (String bad : new String[] {
            "filename not-base64!", "filename a b", "filename YQ==,filename Yg==", ",", "filename /w=="
        }) {
            assertThatThrownBy(() -> UploadMetadata.parse(bad)).as(bad).isInstanceOf(InvalidInputException.class);
        }
    }
}
