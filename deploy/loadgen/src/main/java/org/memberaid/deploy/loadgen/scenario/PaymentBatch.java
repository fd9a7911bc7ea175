package org.memberaid.deploy.loadgen.scenario;

import static org.memberaid.deploy.loadgen.scenario.CountyCycle.decimal;
import static org.memberaid.deploy.loadgen.scenario.SetupClient.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;

/**
 * A payment batch as relief-service answers it (docs/payments.md): what the payments scenario reads of it.
 *
 * @param withoutPayee only in the answer to its creation (else null): the county's APPROVED disbursements left out
 *     because their members have no payee details
 * @param withoutPayeeTotal their money, with the same rule
 */
record PaymentBatch(String id, String status, int lines, BigDecimal total, int paid, BigDecimal paidTotal, int failed,
        BigDecimal failedTotal, Integer withoutPayee, BigDecimal withoutPayeeTotal, String fileSha256, String sentBy) {

    /** The batch in {@code body}, a part of {@code response}'s body (named in a failure). */
    static PaymentBatch parse(JsonNode body, HttpResponse<String> response) throws SetupFailure {
        if (body == null || !body.path("id").isTextual() || !body.path("status").isTextual()) {
            throw new SetupFailure(response.request().method() + " " + response.uri() + " answered no payment batch: "
                    + describe(response));
        }
        return new PaymentBatch(body.get("id").asText(), body.get("status").asText(), count(body, "lines", response),
                decimal(body, "total", response), count(body, "paid", response), decimal(body, "paidTotal", response),
                count(body, "failed", response), decimal(body, "failedTotal", response),
                body.path("withoutPayee").isNull() ? null : count(body, "withoutPayee", response),
                body.path("withoutPayeeTotal").isNull() ? null : decimal(body, "withoutPayeeTotal", response),
                body.path("fileSha256").textValue(), body.path("sentBy").textValue());
    }

    /** The whole number member {@code name} of an answer's body. */
    static int count(JsonNode body, String name, HttpResponse<String> response) throws SetupFailure {
        JsonNode value = body.get(name);
        if (value == null || !value.canConvertToInt()) {
            throw new SetupFailure(response.request().method() + " " + response.uri() + " has no count '" + name + "': "
                    + describe(response));
        }
        return value.asInt();
    }
}
