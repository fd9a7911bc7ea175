package org.memberaid.members.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    private static long count(String csv) {
        return CsvRows.count(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void countsTheRecordsAfterTheHeader() {
        assertThat(count("a,b\n1,2\n3,4\n")).isEqualTo(2);
        assertThat(count("a,b\r\n1,2\r\n3,4")).isEqualTo(2);
        assertThat(count("a,b\n")).isZero();
        assertThat(count("")).isZero();
    }

    @Test
    void aLineEndInsideQuotesIsPartOfAField() {
        assertThat(count("name,note\n\"李, 桂芳\",\"two\nlines\"\n王,x\n")).isEqualTo(2);
        assertThat(count("name\n\"say \"\"hi\"\"\"\nx\n")).isEqualTo(2);
    }

    @Test
    void blankLinesAreNotRecords() {
        assertThat(count("a\n\n1\n\r\n2\n\n")).isEqualTo(2);
    }
}
