package org.memberaid.deploy.loadgen.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ImportAnswerTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsTheCountsAndDescribesEachRejectedRow() throws Exception {
        ImportAnswer answer = ImportAnswer.parse(json.readTree("""
                {"received": 3, "imported": 2, "rejected": [
                  {"line": 3, "nationalId": "620702197001010015",
                   "violations": [{"field": "nationalId", "message": "is already registered"}]}]}
                """));

        assertThat(answer.received()).isEqualTo(3);
        assertThat(answer.imported()).isEqualTo(2);
        assertThat(answer.rejected()).containsExactly(
                "line 3, nationalId 620702197001010015: [{\"field\":\"nationalId\",\"message\":\"is already registered\"}]");
    }

    @Test
    void refusesABodyThatIsNotAnImportReport() throws Exception {
        assertThatThrownBy(() -> ImportAnswer.parse(json.readTree("{\"status\": 404, \"title\": \"Not Found\"}")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
