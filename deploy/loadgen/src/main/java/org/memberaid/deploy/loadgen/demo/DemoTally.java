package org.memberaid.deploy.loadgen.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.memberaid.deploy.loadgen.demo.DemoRecords.Assistance;
import org.memberaid.deploy.loadgen.demo.DemoRecords.Cycle;
import org.memberaid.deploy.loadgen.demo.DemoRecords.Disbursement;
import org.memberaid.deploy.loadgen.demo.DemoRecords.Fund;
import org.memberaid.deploy.loadgen.demo.DemoRecords.Member;
import org.memberaid.deploy.loadgen.members.HardshipStatus;

/**
 * The 2015 figures of the demo's records over some counties, counted as reporting-service defines
 * them (docs/programme.md, "Figures"): distinct counts are recounted over the counties, not summed,
 * and ratios recomputed from the sums.
 */
final class DemoTally {

    static final List<String> KINDS = List.of("HARDSHIP_RELIEF", "LIVING_SUBSIDY", "STARTUP_SUPPORT", "HOLIDAY_VISIT");
    private static final BigDecimal NO_MONEY = new BigDecimal("0.00");

    private DemoTally() {
    }

    static Map<String, String> of(ZhangyeDemo demo, Predicate<String> counties) {
        long total = 0;
        long inDifficulty = 0;
        for (Member member : demo.members()) {
            if (counties.test(member.countyCode())) {
                total++;
                if (member.member().hardshipStatus() == HardshipStatus.IN_DIFFICULTY) {
                    inDifficulty++;
                }
            }
        }
        BigDecimal specialRelief = NO_MONEY;
        BigDecimal startup = NO_MONEY;
        for (Fund fund : demo.funds()) {
            if (counties.test(fund.countyCode())) {
                if ("STARTUP".equals(fund.kind())) {
                    startup = startup.add(fund.budget());
                } else {
                    specialRelief = specialRelief.add(fund.budget());
                }
            }
        }
        Map<String, BigDecimal> approved = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Set<String>> beneficiaries = new LinkedHashMap<>();
        for (String kind : KINDS) {
            approved.put(kind, NO_MONEY);
            counts.put(kind, 0L);
            beneficiaries.put(kind, new HashSet<>());
        }
        for (Disbursement disbursement : demo.disbursements()) {
            if (counties.test(disbursement.countyCode())) {
                approved.merge(disbursement.kind(), disbursement.amount(), BigDecimal::add);
                counts.merge(disbursement.kind(), 1L, Long::sum);
                beneficiaries.get(disbursement.kind()).add(disbursement.nationalId());
            }
        }
        for (Cycle cycle : demo.cycles()) {
            if (counties.test(cycle.countyCode())) {
                approved.merge("LIVING_SUBSIDY", cycle.total(), BigDecimal::add);
                counts.merge("LIVING_SUBSIDY", (long) cycle.entitled().size(), Long::sum);
                beneficiaries.get("LIVING_SUBSIDY").addAll(cycle.entitled());
            }
        }
        Map<String, Long> records = new LinkedHashMap<>();
        Set<String> employers = new HashSet<>();
        Set<String> paired = new HashSet<>();
        Set<String> cadres = new HashSet<>();
        Set<String> businessLeaders = new HashSet<>();
        Set<String> medicalOrEducation = new HashSet<>();
        for (Assistance record : demo.assistance()) {
            if (!counties.test(record.countyCode())) {
                continue;
            }
            records.merge(record.kind(), 1L, Long::sum);
            switch (record.kind()) {
                case "JOB_PLACEMENT" -> employers.add(record.employer());
                case "PAIRING" -> {
                    paired.add(record.nationalId());
                    ("CADRE".equals(record.helperType()) ? cadres : businessLeaders).add(record.helperId());
                }
                case "MEDICAL_ASSISTANCE", "EDUCATION_ASSISTANCE" -> medicalOrEducation.add(record.nationalId());
                default -> {
                }
            }
        }
        BigDecimal fundsBudgeted = specialRelief.add(startup);
        BigDecimal fundsApproved = approved.values().stream().reduce(NO_MONEY, BigDecimal::add);
        Set<String> anyBeneficiary = new HashSet<>();
        beneficiaries.values().forEach(anyBeneficiary::addAll);

        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("membersTotal", Long.toString(total));
        figures.put("membersInDifficulty", Long.toString(inDifficulty));
        figures.put("povertyRate", total == 0 ? "0.0000"
                : BigDecimal.valueOf(inDifficulty).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP).toPlainString());
        figures.put("membersLiftedOut", "0");
        figures.put("newlyInDifficulty", Long.toString(inDifficulty));
        figures.put("newlyLiftedOut", "0");
        figures.put("fundsBudgeted", money(fundsBudgeted));
        figures.put("fundsBudgetedSpecialRelief", money(specialRelief));
        figures.put("fundsBudgetedStartup", money(startup));
        figures.put("fundsApproved", money(fundsApproved));
        for (String kind : KINDS) {
            figures.put("fundsApproved" + camel(kind), money(approved.get(kind)));
        }
        figures.put("fundUtilisation", fundsBudgeted.signum() == 0 ? "null"
                : fundsApproved.divide(fundsBudgeted, 4, RoundingMode.HALF_UP).toPlainString());
        figures.put("disbursements", Long.toString(counts.values().stream().mapToLong(Long::longValue).sum()));
        for (String kind : KINDS) {
            figures.put("disbursements" + camel(kind), Long.toString(counts.get(kind)));
        }
        figures.put("beneficiaries", Long.toString(anyBeneficiary.size()));
        for (String kind : KINDS) {
            figures.put("beneficiaries" + camel(kind), Long.toString(beneficiaries.get(kind).size()));
        }
        figures.put("trainingPersonTimes", count(records, "SKILLS_TRAINING"));
        figures.put("jobPlacements", count(records, "JOB_PLACEMENT"));
        figures.put("distinctEmployers", Long.toString(employers.size()));
        figures.put("minimumLivingAllowanceEnrolments", count(records, "MINIMUM_LIVING_ALLOWANCE"));
        figures.put("medicalAssistanceEnrolments", count(records, "MEDICAL_ASSISTANCE"));
        figures.put("educationAssistanceEnrolments", count(records, "EDUCATION_ASSISTANCE"));
        figures.put("membersMedicalOrEducationAssisted", Long.toString(medicalOrEducation.size()));
        figures.put("projectRecommendations", count(records, "PROJECT_RECOMMENDATION"));
        figures.put("pairings", count(records, "PAIRING"));
        figures.put("membersPaired", Long.toString(paired.size()));
        figures.put("helpersCadre", Long.toString(cadres.size()));
        figures.put("helpersBusinessLeader", Long.toString(businessLeaders.size()));
        return java.util.Collections.unmodifiableMap(figures);
    }

    /** HARDSHIP_RELIEF → HardshipRelief, as the report's field names spell the kinds. */
    static String camel(String kind) {
        StringBuilder name = new StringBuilder();
        for (String word : kind.split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return name.toString();
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String count(Map<String, Long> records, String kind) {
        return Long.toString(records.getOrDefault(kind, 0L));
    }
}
