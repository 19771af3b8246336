package io.ringlab.support.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration tables list exactly the properties of this module ({@code ringlab.cluster.*}, {@code ringlab.security.*}, {@code ringlab.transport.*}), as the configuration processor
 * generated them, and each of them has a description (the Javadoc of its record component).
 */
class ReadmePropertiesTest {

    private static final String[] PREFIXES = {"ringlab.cluster.", "ringlab.security.", "ringlab.transport."};

    @Test
    void theReadmeListsEveryPropertyAndNoOther() {
        DocumentedProperties.assertReadmeMatchesMetadata(Path.of("..", "README.md"), PREFIXES);
    }

    @Test
    void everyPropertyHasADescription() {
        assertThat(DocumentedProperties.withoutDescription(PREFIXES)).isEmpty();
    }
}
