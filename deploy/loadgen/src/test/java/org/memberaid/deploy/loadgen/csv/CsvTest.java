package org.memberaid.deploy.loadgen.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesFieldsWithCommasQuotesOrLineBreaksAndDoublesTheirQuotes() {
        assertThat(Csv.escape("清凉寺村")).isEqualTo("清凉寺村");
        assertThat(Csv.escape("")).isEqualTo("");
        assertThat(Csv.escape("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.escape("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.escape("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
    }

    @Test
    void aRecordWithAQuotedFieldKeepsItsOtherFieldsApart() {
        StringBuilder csv = new StringBuilder();
        Csv.appendRecord(csv, List.of("1", "a,\"b\"", "3"));

        assertThat(csv).hasToString("1,\"a,\"\"b\"\"\",3\r\n");
    }

    @Test
    void readsBackWhatItWritesQuotedFieldsAndEmptyOnesIncluded() {
        StringBuilder csv = new StringBuilder();
        Csv.appendRecord(csv, List.of("line", "payee_name", "amount"));
        Csv.appendRecord(csv, List.of("1", "王, \"秀\"\r\n英", ""));
        Csv.appendRecord(csv, List.of("", "x", "500.00"));

        assertThat(Csv.parse(csv.toString())).containsExactly(List.of("line", "payee_name", "amount"),
                List.of("1", "王, \"秀\"\r\n英", ""), List.of("", "x", "500.00"));
    }

    @Test
    void takesLfLineEndsAndALastRecordWithoutOne() {
        assertThat(Csv.parse("a,b\nc,d")).containsExactly(List.of("a", "b"), List.of("c", "d"));
        assertThat(Csv.parse("")).isEmpty();
    }

    @Test
    void refusesAQuoteNeverClosedOrTextAfterAClosingQuote() {
        assertThatThrownBy(() -> Csv.parse("a,\"b\r\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never closed");
        assertThatThrownBy(() -> Csv.parse("a,\"b\"c\r\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("after the closing quote");
    }
}
