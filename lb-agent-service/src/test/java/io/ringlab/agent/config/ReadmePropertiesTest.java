package io.ringlab.agent.config;

import io.ringlab.support.config.DocumentedProperties;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration tables list exactly the properties of this module ({@code ringlab.agent.*}), as the configuration processor
 * generated them, and each of them has a description (the Javadoc of its record component).
 */
class ReadmePropertiesTest {

    private static final String[] PREFIXES = {"ringlab.agent."};

    @Test
    void theReadmeListsEveryPropertyAndNoOther() {
        DocumentedProperties.assertReadmeMatchesMetadata(Path.of("..", "README.md"), PREFIXES);
    }

    @Test
    void everyPropertyHasADescription() {
        // udp.* and raw.* are records of service-support's transport package, compiled without their Javadoc in
        // this module: @ConfigurationPropertiesSource on UdpSettings and RawAnswers would bring it
        assertThat(DocumentedProperties.withoutDescription(PREFIXES))
                .filteredOn(name -> !name.contains(".udp.") && !name.contains(".raw."))
                .isEmpty();
    }
}
