package io.ringlab.support.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the README's table rows are read, and that a property missing on either side is named. */
class DocumentedPropertiesTest {

    @Test
    void aFirstCellMayNameSeveralPropertiesOfOneParent(@TempDir Path directory) throws Exception {
        Path readme = Files.writeString(directory.resolve("README.md"), """
                | property | default | meaning |
                | --- | --- | --- |
                | `ringlab.agent.retry.budget-percent` / `budget-min-per-second` | 25 / 10 | retries |
                | `ringlab.dashboard.discovery.servers`, `.agents` | (none) | SRV names |
                | `ringlab.dashboard.servers[i].name`, `.url` | (none) | each ring server |
                | `ringlab.<role>.report-interval` | 10s | the results line |
                not a row: `ringlab.agent.name`
                """);

        assertThat(DocumentedProperties.inReadme(readme, "ringlab."))
                .containsExactlyInAnyOrder(
                        "ringlab.agent.retry.budget-percent",
                        "ringlab.agent.retry.budget-min-per-second",
                        "ringlab.dashboard.discovery.servers",
                        "ringlab.dashboard.discovery.agents",
                        "ringlab.dashboard.servers",
                        "ringlab.server.report-interval",
                        "ringlab.agent.report-interval",
                        "ringlab.client.report-interval");
        assertThat(DocumentedProperties.inReadme(readme, "ringlab.agent.")).hasSize(3);
    }

    @Test
    void aPropertyMissingFromTheReadmeIsNamed(@TempDir Path directory) throws Exception {
        Path readme = Files.writeString(directory.resolve("README.md"), """
                | `ringlab.cluster.key` | (required) | the key |
                """);

        assertThatThrownBy(() -> DocumentedProperties.assertReadmeMatchesMetadata(readme, "ringlab.cluster."))
                .hasMessageContaining("not in README.md's tables")
                .hasMessageContaining("ringlab.cluster.insecure");
    }

    @Test
    void aReadmeRowForNoPropertyIsNamed(@TempDir Path directory) throws Exception {
        Path readme = Files.writeString(directory.resolve("README.md"), """
                | `ringlab.transport.kind` / `flavour` | netty | the transport |
                | `ringlab.transport.loops` / `batching` | 0 / true | its loops and batches |
                """);

        assertThatThrownBy(() -> DocumentedProperties.assertReadmeMatchesMetadata(readme, "ringlab.transport."))
                .hasMessageContaining("no such property")
                .hasMessageContaining("ringlab.transport.flavour");
    }
}
