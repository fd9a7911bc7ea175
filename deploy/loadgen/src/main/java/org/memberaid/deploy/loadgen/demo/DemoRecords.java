package org.memberaid.deploy.loadgen.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.memberaid.deploy.loadgen.members.SyntheticMember;

/** What the Zhangye 2015 demo loads, one record type per kind of write. */
public final class DemoRecords {

    private DemoRecords() {
    }

    /**
     * A member of the census and the day registered.
     *
     * @param oneByOne registered with {@code POST /api/members} (the loader needs its id: it is in
     *                 difficulty), else imported with its county's CSV
     */
    public record Member(SyntheticMember member, LocalDate registeredOn, boolean oneByOne) {

        public String nationalId() {
            return member.nationalId();
        }

        public String countyCode() {
            return member.countyCode();
        }
    }

    /** A county's fund of 2015: SPECIAL_RELIEF or STARTUP. */
    public record Fund(String countyCode, String kind, BigDecimal budget) {
    }

    /**
     * A single disbursement, requested by the caseworker and approved by the approver.
     *
     * @param key        the stable name of the record, from which its Idempotency-Key is derived
     * @param mechanism  for STARTUP_SUPPORT, else null
     * @param projectName for STARTUP_SUPPORT, else null
     */
    public record Disbursement(String key, String nationalId, String countyCode, String kind, BigDecimal amount,
            LocalDate disbursedOn, String mechanism, String projectName, String reason) {

        public String fundKind() {
            return "STARTUP_SUPPORT".equals(kind) ? "STARTUP" : "SPECIAL_RELIEF";
        }
    }

    /**
     * A county's 2015 living subsidy cycle and whom it must entitle (national IDs, by the
     * programme's rules as of {@code disbursedOn}).
     */
    public record Cycle(String key, String countyCode, String name, BigDecimal amount, LocalDate disbursedOn,
            List<String> entitled) {

        public Cycle {
            entitled = List.copyOf(entitled);
        }

        public BigDecimal total() {
            return amount.multiply(BigDecimal.valueOf(entitled.size()));
        }
    }

    /**
     * An assistance record; the details the kind needs, the others null.
     *
     * @param helperType CADRE or BUSINESS_LEADER for a PAIRING
     */
    public record Assistance(String key, String nationalId, String countyCode, String kind, LocalDate providedOn,
            List<String> skills, String employer, String projectName, String helperId, String helperName,
            String helperType) {

        public Assistance {
            skills = skills == null ? null : List.copyOf(skills);
        }
    }
}
