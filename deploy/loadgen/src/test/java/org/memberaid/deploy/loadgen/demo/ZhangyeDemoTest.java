package org.memberaid.deploy.loadgen.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.memberaid.deploy.loadgen.demo.DemoRecords.Assistance;
import org.memberaid.deploy.loadgen.demo.DemoRecords.Disbursement;
import org.memberaid.deploy.loadgen.demo.DemoRecords.Member;
import org.memberaid.deploy.loadgen.members.HardshipStatus;
import org.memberaid.deploy.loadgen.members.LaborCapacity;
import org.memberaid.deploy.loadgen.members.NationalIds;
import org.memberaid.deploy.loadgen.members.SyntheticMember;
import org.memberaid.deploy.loadgen.members.SyntheticMembers;

class ZhangyeDemoTest {

    static final ZhangyeDemo DEMO = ZhangyeDemo.generate(ZhangyeDemo.DEFAULT_SEED);

    private static final Map<String, Member> BY_NATIONAL_ID = DEMO.members().stream()
            .collect(Collectors.toMap(Member::nationalId, member -> member));

    @Test
    void givesTheArticlesFiguresForTheCity() {
        Map<String, String> city = DEMO.expected(DemoCounty.CITY);

        assertThat(city).containsEntry("membersTotal", "88986").containsEntry("membersInDifficulty", "4386")
                .containsEntry("povertyRate", "0.0493").containsEntry("beneficiariesStartupSupport", "279")
                .containsEntry("disbursementsStartupSupport", "279")
                .containsEntry("fundsApprovedStartupSupport", "6200000.00").containsEntry("projectRecommendations", "353")
                .containsEntry("trainingPersonTimes", "780").containsEntry("jobPlacements", "183")
                .containsEntry("distinctEmployers", "74").containsEntry("minimumLivingAllowanceEnrolments", "1052")
                .containsEntry("membersMedicalOrEducationAssisted", "618").containsEntry("membersPaired", "2008")
                .containsEntry("helpersCadre", "1221").containsEntry("helpersBusinessLeader", "954")
                .containsEntry("pairings", "2175");
    }

    @Test
    void countiesSumToTheCity() {
        Map<String, String> city = DEMO.expected(DemoCounty.CITY);
        for (Map.Entry<String, String> figure : city.entrySet()) {
            if (figure.getKey().equals("povertyRate") || figure.getKey().equals("fundUtilisation")) {
                continue;
            }
            BigDecimal sum = DemoCounty.ALL.stream().map(county -> new BigDecimal(DEMO.expected(county.code()).get(figure.getKey())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum.compareTo(new BigDecimal(figure.getValue()))).as(figure.getKey()).isZero();
        }
    }

    @Test
    void splitsTheCensusAsDocumented() {
        for (DemoCounty county : DemoCounty.ALL) {
            assertThat(DEMO.expected(county.code())).containsEntry("membersTotal", Integer.toString(county.members()))
                    .containsEntry("membersInDifficulty", Integer.toString(county.inDifficulty()));
        }
    }

    @Test
    void oneSeedGivesOneDemoAndAnotherSeedAnother() {
        ZhangyeDemo again = ZhangyeDemo.generate(ZhangyeDemo.DEFAULT_SEED);
        ZhangyeDemo other = ZhangyeDemo.generate(2016);

        assertThat(again.members()).isEqualTo(DEMO.members());
        assertThat(again.disbursements()).isEqualTo(DEMO.disbursements());
        assertThat(again.cycles()).isEqualTo(DEMO.cycles());
        assertThat(again.assistance()).isEqualTo(DEMO.assistance());
        assertThat(again.funds()).isEqualTo(DEMO.funds());
        assertThat(again.expected(DemoCounty.CITY)).isEqualTo(DEMO.expected(DemoCounty.CITY));
        assertThat(again).isEqualTo(DEMO);
        assertThat(other.members()).isNotEqualTo(DEMO.members());
        assertThat(other.disbursements()).isNotEqualTo(DEMO.disbursements());
        assertThat(other.expected(DemoCounty.CITY)).containsEntry("membersTotal", "88986")
                .containsEntry("fundsApprovedStartupSupport", "6200000.00");
    }

    @Test
    void everyNationalIdIsValidUniqueAndOfItsCounty() {
        Set<String> seen = new HashSet<>();
        for (Member member : DEMO.members()) {
            String id = member.nationalId();
            assertThat(NationalIds.hasValidCheckDigit(id)).as(id).isTrue();
            assertThat(id).startsWith(member.countyCode());
            assertThat(seen.add(id)).as("unique " + id).isTrue();
            assertThat(NationalIds.gender(id)).isEqualTo(member.member().gender());
        }
    }

    @Test
    void membersAreOfAgeRegisteredInTheCensusAndJoinedThePartyBefore() {
        for (Member member : DEMO.members()) {
            SyntheticMember m = member.member();
            int age = ZhangyeDemo.ageOn(m, member.registeredOn());
            assertThat(age).as(m.nationalId()).isBetween(18, 95);
            assertThat(member.registeredOn()).isBetween(ZhangyeDemo.CENSUS_FIRST_DAY, ZhangyeDemo.CENSUS_LAST_DAY);
            assertThat(m.joinedPartyOn()).isBefore(member.registeredOn()).isAfter(m.birthDate().plusYears(18));
            assertThat(member.oneByOne()).isEqualTo(m.hardshipStatus() == HardshipStatus.IN_DIFFICULTY);
            assertThat(m.causes().isEmpty()).isEqualTo(m.hardshipStatus() != HardshipStatus.IN_DIFFICULTY);
        }
    }

    @Test
    void sunanHasItsMinorities() {
        Map<String, Long> sunan = DEMO.members().stream().filter(member -> member.countyCode().equals(DemoCounty.SUNAN))
                .collect(Collectors.groupingBy(member -> member.member().ethnicity(), Collectors.counting()));
        assertThat(sunan.keySet()).contains("裕固族", "汉族", "藏族", "蒙古族", "回族");
        assertThat(sunan.get("裕固族")).isGreaterThan(sunan.get("汉族"));
        Map<String, Long> ganzhou = DEMO.members().stream().filter(member -> member.countyCode().equals("620702"))
                .collect(Collectors.groupingBy(member -> member.member().ethnicity(), Collectors.counting()));
        assertThat(ganzhou.keySet()).containsExactlyInAnyOrder("汉族", "回族");
    }

    @Test
    void namesThePeopleOfTheArticle() {
        Member zhou = DEMO.members().stream().filter(member -> member.member().name().equals("周玉琴")).findFirst().orElseThrow();
        Member zhang = DEMO.members().stream().filter(member -> member.member().name().equals("张爱莲")).findFirst().orElseThrow();

        assertThat(zhou.countyCode()).isEqualTo(DemoCounty.SHANDAN);
        assertThat(zhou.member().township()).isEqualTo("清泉镇");
        assertThat(zhou.member().hardshipStatus()).isEqualTo(HardshipStatus.IN_DIFFICULTY);
        assertThat(DEMO.disbursements()).anySatisfy(d -> {
            assertThat(d.nationalId()).isEqualTo(zhou.nationalId());
            assertThat(d.kind()).isEqualTo("STARTUP_SUPPORT");
            assertThat(d.amount()).isEqualByComparingTo("8000");
            assertThat(d.disbursedOn().getMonthValue()).isEqualTo(6);
        });
        assertThat(zhang.countyCode()).isEqualTo(DemoCounty.SUNAN);
        assertThat(ZhangyeDemo.ageOn(zhang.member(), LocalDate.of(2015, 10, 20))).isEqualTo(58);
        assertThat(zhang.member().causes()).contains(org.memberaid.deploy.loadgen.members.HardshipCause.ILLNESS);
        assertThat(DEMO.disbursements()).anySatisfy(d -> {
            assertThat(d.nationalId()).isEqualTo(zhang.nationalId());
            assertThat(d.kind()).isEqualTo("HARDSHIP_RELIEF");
            assertThat(d.amount()).isEqualByComparingTo("5000");
            assertThat(d.disbursedOn().getMonthValue()).isEqualTo(10);
        });
    }

    @Test
    void everyDisbursementKeepsTheProgrammesRules() {
        Set<String> keys = new HashSet<>();
        for (Disbursement d : DEMO.disbursements()) {
            assertThat(keys.add(d.key())).as("unique key " + d.key()).isTrue();
            Member member = BY_NATIONAL_ID.get(d.nationalId());
            assertThat(member.countyCode()).isEqualTo(d.countyCode());
            assertThat(member.member().hardshipStatus()).isEqualTo(HardshipStatus.IN_DIFFICULTY);
            assertThat(d.disbursedOn()).isAfter(member.registeredOn()).hasYear(2015);
            assertThat(d.amount().scale()).isEqualTo(2);
            switch (d.kind()) {
                case "HARDSHIP_RELIEF" -> {
                    BigDecimal max = d.countyCode().equals(DemoCounty.SUNAN) ? new BigDecimal("5000") : new BigDecimal("3000");
                    assertThat(d.amount()).isBetween(new BigDecimal("1000"), max);
                    assertThat(d.amount().remainder(new BigDecimal("100"))).isEqualByComparingTo("0");
                }
                case "STARTUP_SUPPORT" -> {
                    assertThat(d.amount()).isBetween(new BigDecimal("1000"), new BigDecimal("50000"));
                    assertThat(d.amount().remainder(new BigDecimal("100"))).isEqualByComparingTo("0");
                    assertThat(member.member().laborCapacity()).isNotEqualTo(LaborCapacity.NONE);
                    assertThat(d.mechanism()).isIn("PROJECT_DIRECT_SUBSIDY", "REWARD_IN_LIEU_OF_SUBSIDY",
                            "LOAN_INTEREST_SUBSIDY", "GUARANTEE_MUTUAL_AID");
                }
                case "HOLIDAY_VISIT" -> assertThat(ZhangyeDemo.holidayVisitEligible(member.member(), d.disbursedOn())).isTrue();
                default -> throw new AssertionError("unexpected kind " + d.kind());
            }
        }
        assertThat(DEMO.disbursements().stream().filter(d -> d.kind().equals("HARDSHIP_RELIEF")).count())
                .isEqualTo(ZhangyeDemo.HARDSHIP_RELIEF_MEMBERS + 1);
        assertThat(DEMO.disbursements().stream().filter(d -> d.kind().equals("STARTUP_SUPPORT")).map(Disbursement::mechanism)
                .distinct().count()).isEqualTo(4);
    }

    @Test
    void theHolidayVisitsGoToEveryEligibleMemberInDifficulty() {
        long eligible = DEMO.members().stream().filter(Member::oneByOne)
                .filter(member -> ZhangyeDemo.holidayVisitEligible(member.member(), ZhangyeDemo.SPRING_FESTIVAL_VISIT)).count();
        assertThat(DEMO.expected(DemoCounty.CITY)).containsEntry("disbursementsHolidayVisit", Long.toString(eligible));
        assertThat(eligible).isPositive();
    }

    @Test
    void theLivingSubsidyEntitlementsAreWhatTheRulesAdmit() {
        for (DemoCounty county : DemoCounty.ALL) {
            long byTheRules = DEMO.members().stream().filter(member -> member.countyCode().equals(county.code()))
                    .filter(member -> SyntheticMembers.livingSubsidyEligible(member.member(), ZhangyeDemo.LIVING_SUBSIDY_DAY, 70))
                    .count();
            DemoRecords.Cycle cycle = DEMO.cycles().stream().filter(c -> c.countyCode().equals(county.code())).findFirst().orElseThrow();
            assertThat(cycle.entitled()).hasSize((int) byTheRules);
            assertThat(cycle.amount()).isBetween(new BigDecimal("300"), new BigDecimal("500"));
            assertThat(byTheRules).isPositive();
            assertThat(DEMO.expected(county.code())).containsEntry("disbursementsLivingSubsidy", Long.toString(byTheRules));
        }
    }

    @Test
    void fundsCoverWhatTheyPay() {
        for (DemoCounty county : DemoCounty.ALL) {
            Map<String, String> figures = DEMO.expected(county.code());
            BigDecimal specialRelief = new BigDecimal(figures.get("fundsBudgetedSpecialRelief"));
            BigDecimal paidFromSpecialRelief = new BigDecimal(figures.get("fundsApprovedHardshipRelief"))
                    .add(new BigDecimal(figures.get("fundsApprovedLivingSubsidy")))
                    .add(new BigDecimal(figures.get("fundsApprovedHolidayVisit")));
            assertThat(specialRelief).isGreaterThanOrEqualTo(new BigDecimal("500000")).isGreaterThanOrEqualTo(paidFromSpecialRelief);
            assertThat(new BigDecimal(figures.get("fundsBudgetedStartup")))
                    .isGreaterThanOrEqualTo(new BigDecimal(figures.get("fundsApprovedStartupSupport")));
        }
    }

    @Test
    void assistanceGoesToMembersInDifficultyIn2015WithWhatItsKindNeeds() {
        Set<String> keys = new HashSet<>();
        Map<String, String> countyOfEmployer = new HashMap<>();
        Map<String, Integer> pairingsOfHelper = new HashMap<>();
        for (Assistance record : DEMO.assistance()) {
            assertThat(keys.add(record.key())).as("unique key " + record.key()).isTrue();
            Member member = BY_NATIONAL_ID.get(record.nationalId());
            assertThat(member.oneByOne()).isTrue();
            assertThat(member.countyCode()).isEqualTo(record.countyCode());
            assertThat(record.providedOn()).isAfter(member.registeredOn()).hasYear(2015);
            switch (record.kind()) {
                case "SKILLS_TRAINING" -> assertThat(record.skills()).hasSizeBetween(1, 5);
                case "JOB_PLACEMENT" -> assertThat(countyOfEmployer.putIfAbsent(record.employer(), record.countyCode()))
                        .isIn(null, record.countyCode());
                case "PROJECT_RECOMMENDATION" -> assertThat(record.projectName()).isNotBlank();
                case "PAIRING" -> {
                    assertThat(record.helperType()).isIn("CADRE", "BUSINESS_LEADER");
                    assertThat(record.helperName()).isNotBlank();
                    pairingsOfHelper.merge(record.helperId(), 1, Integer::sum);
                }
                default -> assertThat(record.kind()).isIn("MINIMUM_LIVING_ALLOWANCE", "MEDICAL_ASSISTANCE", "EDUCATION_ASSISTANCE");
            }
        }
        assertThat(pairingsOfHelper).hasSize(1221 + 954);
        assertThat(DEMO.assistance().stream().filter(r -> r.kind().equals("MINIMUM_LIVING_ALLOWANCE")).map(Assistance::nationalId)
                .distinct().count()).isEqualTo(1052);
    }

    @Test
    void idempotencyKeysFollowTheSeedAndTheRecord() {
        String record = DEMO.disbursements().get(0).key();
        assertThat(DEMO.idempotencyKey(record)).isEqualTo(ZhangyeDemo.generate(2015).idempotencyKey(record))
                .isNotEqualTo(DEMO.idempotencyKey(DEMO.disbursements().get(1).key()));
        assertThat(List.of(DEMO.expected("620700").size())).containsExactly(DEMO.expected("620702").size());
    }
}
