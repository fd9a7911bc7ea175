package org.memberaid.reporting;

import java.util.UUID;

/** relief.events records as relief-service publishes them, built for one test's ids, counties and dates. */
public final class ReliefEvents {

    private ReliefEvents() {
    }

    /** A SPECIAL_RELIEF fund allocated with {@code budget} for {@code county}'s {@code year}. */
    public static String fund(UUID fund, String county, int year, String budget) {
        return """
                {"specversion":"1.0","id":"%s","source":"/relief-service","type":"memberaid.fund.allocated.v1",
                 "subject":"%s","time":"2026-11-27T08:00:00Z","datacontenttype":"application/json","sequence":1,
                 "data":{"id":"%s","countyCode":"%s","year":%d,"kind":"SPECIAL_RELIEF","budget":%s,"approved":0,
                  "previousBudget":null,"version":1}}"""
                .formatted(UUID.randomUUID(), fund, fund, county, year, budget).replace("\n", "");
    }

    /**
     * A disbursement snapshot of event {@code type} (e.g. "approved") and {@code status}; the paid and
     * payment-failed ones name their batch, a startup support its mechanism. Its year is its {@code disbursedOn}'s.
     */
    public static String disbursement(UUID id, UUID member, String type, String status, long version, String county,
            String kind, String amount, String disbursedOn) {
        boolean settled = status.equals("PAID") || status.equals("PAYMENT_FAILED");
        return """
                {"specversion":"1.0","id":"%s","source":"/relief-service","type":"memberaid.disbursement.%s.v1",
                 "subject":"%s","time":"2026-11-27T08:00:00Z","datacontenttype":"application/json","sequence":%d,
                 "data":{"id":"%s","memberId":"%s","fundId":"%s","countyCode":"%s","year":%s,
                  "kind":"%s","amount":%s,"disbursedOn":"%s","mechanism":%s,"status":"%s",
                  "version":%d,"paymentBatchId":%s,"settledOn":%s}}"""
                .formatted(UUID.randomUUID(), type, member, version, id, member, UUID.randomUUID(), county,
                        disbursedOn.substring(0, 4), kind, amount, disbursedOn,
                        kind.equals("STARTUP_SUPPORT") ? "\"LOAN_INTEREST_SUBSIDY\"" : "null", status, version,
                        settled ? "\"" + UUID.randomUUID() + "\"" : "null",
                        settled ? "\"" + disbursedOn.substring(0, 4) + "-12-20\"" : "null")
                .replace("\n", "");
    }

    /** An assistance record of {@code kind} (not a pairing or placement: no helper, no employer). */
    public static String assistance(UUID member, String county, String kind, String providedOn) {
        return """
                {"specversion":"1.0","id":"%s","source":"/relief-service","type":"memberaid.assistance.recorded.v1",
                 "subject":"%s","time":"2026-11-27T08:00:00Z","datacontenttype":"application/json","sequence":1,
                 "data":{"id":"%s","memberId":"%s","countyCode":"%s","kind":"%s","providedOn":"%s"}}"""
                .formatted(UUID.randomUUID(), member, UUID.randomUUID(), member, county, kind, providedOn)
                .replace("\n", "");
    }
}
