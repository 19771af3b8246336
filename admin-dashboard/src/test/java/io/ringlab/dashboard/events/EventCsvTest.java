package io.ringlab.dashboard.events;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventCsvTest {

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedWithTheirQuotesDoubled() {
        assertThat(EventCsv.field("plain text")).isEqualTo("plain text");
        assertThat(EventCsv.field("a, b")).isEqualTo("\"a, b\"");
        assertThat(EventCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(EventCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(EventCsv.field(null)).isEmpty();
    }

    @Test
    void aFieldASpreadsheetWouldRunAsAFormulaStaysText() {
        assertThat(EventCsv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(EventCsv.field("@admin")).isEqualTo("'@admin");
        assertThat(EventCsv.field("-1")).isEqualTo("'-1");
    }

    @Test
    void oneCrlfLinePerEventAfterTheHeader() {
        String csv = EventCsv.of(List.of(new ClusterEvent(
                3,
                1_767_225_600_000L,
                "operator",
                "server-2",
                "POST servers/server-2/down → 202",
                "admin (from 127.0.0.1)")));
        assertThat(csv)
                .isEqualTo(EventCsv.HEADER + "\r\n"
                        + "3,2026-01-01T00:00:00Z,1767225600000,operator,server-2,POST servers/server-2/down → 202,"
                        + "admin (from 127.0.0.1)\r\n");
    }
}
