package org.memberaid.deploy.loadgen.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.memberaid.deploy.loadgen.demo.DemoRecords.Assistance;
import org.memberaid.deploy.loadgen.demo.DemoRecords.Cycle;
import org.memberaid.deploy.loadgen.demo.DemoRecords.Disbursement;
import org.memberaid.deploy.loadgen.demo.DemoRecords.Fund;
import org.memberaid.deploy.loadgen.demo.DemoRecords.Member;
import org.memberaid.deploy.loadgen.members.Education;
import org.memberaid.deploy.loadgen.members.Gender;
import org.memberaid.deploy.loadgen.members.HardshipCause;
import org.memberaid.deploy.loadgen.members.HardshipStatus;
import org.memberaid.deploy.loadgen.members.LaborCapacity;
import org.memberaid.deploy.loadgen.members.NationalIds;
import org.memberaid.deploy.loadgen.members.SyntheticMember;
import org.memberaid.deploy.loadgen.members.SyntheticMembers;

/**
 * A synthetic but consistent Zhangye 2015, as the city's organisation department described it: a
 * census of 88,986 party members in January, 4,386 of them in difficulty, and the year's relief,
 * subsidies, startup support and assistance. A function of the seed alone (no clock, no unseeded
 * randomness, no hash order): the same seed gives the same members, records and expected figures.
 * The figures chosen where the article gives none are in deploy/loadgen/README.md ("The demo").
 */
public final class ZhangyeDemo {

    public static final long DEFAULT_SEED = 2015;
    public static final int YEAR = 2015;
    public static final LocalDate CENSUS_FIRST_DAY = LocalDate.of(2015, 1, 5);
    public static final LocalDate CENSUS_LAST_DAY = LocalDate.of(2015, 1, 30);
    public static final LocalDate SPRING_FESTIVAL_VISIT = LocalDate.of(2015, 2, 16);
    public static final LocalDate LIVING_SUBSIDY_DAY = LocalDate.of(2015, 12, 15);
    /** Relief and assistance are dated from the first working day after the census to the year's end. */
    static final LocalDate RECORDS_FROM = LocalDate.of(2015, 2, 2);
    static final LocalDate RECORDS_TO = LocalDate.of(2015, 12, 31);

    // The programme's default rules (docs/programme.md), which the demo's records keep.
    static final int LIVING_SUBSIDY_AGE = 70;
    static final int VETERAN_YEARS = 50;
    static final int STARTUP_MIN_HUNDREDS = 10;
    static final int STARTUP_MAX_HUNDREDS = 500;
    static final BigDecimal SPECIAL_RELIEF_FLOOR = new BigDecimal("500000.00");
    static final BigDecimal BUDGET_STEP = new BigDecimal("100000");

    // The article's figures.
    static final int STARTUP_MEMBERS = 279;
    static final int STARTUP_TOTAL_HUNDREDS = 62_000;
    static final int TRAINING_PERSON_TIMES = 780;
    static final int JOB_PLACEMENTS = 183;
    static final int EMPLOYERS = 74;
    static final int MINIMUM_LIVING_ALLOWANCE = 1_052;
    static final int PROJECT_RECOMMENDATIONS = 353;
    static final int MEMBERS_PAIRED = 2_008;
    static final int CADRES = 1_221;
    static final int BUSINESS_LEADERS = 954;

    // The demo's choices (README).
    /** Of the elderly members in difficulty (70+ on the subsidy's day), this share is made eligible for it. */
    static final double LIVING_SUBSIDY_MADE_ELIGIBLE = 0.5;
    /** About 40 % of the members in difficulty get one-time hardship relief. */
    static final int HARDSHIP_RELIEF_MEMBERS = 1_754;
    static final BigDecimal HOLIDAY_VISIT_AMOUNT = new BigDecimal("500.00");
    /** Of the 780 training person-times, 120 are a member's second training: 660 members trained. */
    static final int TRAINED_TWICE = 120;
    /** 618 members given medical or education assistance: 400 medical only, 150 education only, 68 both. */
    static final int MEDICAL_ONLY = 400;
    static final int EDUCATION_ONLY = 150;
    static final int MEDICAL_AND_EDUCATION = 68;
    /** Every helper pairs one member: 2,175 pairings, so 167 members have two helpers. */
    static final int PAIRED_TWICE = CADRES + BUSINESS_LEADERS - MEMBERS_PAIRED;

    private static final List<String> MECHANISMS = List.of(
            "PROJECT_DIRECT_SUBSIDY", "REWARD_IN_LIEU_OF_SUBSIDY", "LOAN_INTEREST_SUBSIDY", "GUARANTEE_MUTUAL_AID");
    private static final int[] MECHANISM_WEIGHTS = {40, 20, 25, 15};
    private static final List<String> PROJECTS = List.of(
            "肉牛养殖", "肉羊养殖", "制种玉米", "高原夏菜", "设施温室", "马铃薯种植", "中药材种植", "农家乐",
            "农产品电商", "农机服务", "乳业养殖", "食用菌种植", "民族刺绣", "牧家乐", "苗木培育");
    private static final List<String> SKILLS = List.of(
            "温室种植", "农机维修", "畜牧养殖", "果树修剪", "电商营销", "厨师", "家政服务", "电焊", "民族刺绣",
            "驾驶", "建筑施工", "中药材种植");
    private static final List<String> EMPLOYER_TRADES = List.of(
            "农业发展", "现代农业", "牧业", "乳业", "种业", "建筑工程", "物流", "食品", "劳务派遣", "酒店管理",
            "新能源", "商贸", "生态旅游", "农产品加工");
    private static final List<String> EMPLOYER_WORDS = List.of(
            "祁连", "金张掖", "丹霞", "黑河", "绿洲", "丰源", "瑞丰", "宏达", "天润", "汇丰", "西部", "河西",
            "嘉禾", "银达", "众联", "鑫源");
    private static final List<String> SURNAMES = List.of(
            "王", "李", "张", "刘", "陈", "杨", "赵", "马", "周", "吴", "徐", "孙", "胡", "朱", "郭", "何", "高", "罗");
    private static final List<String> GIVEN = List.of(
            "建国", "志强", "国华", "明", "海燕", "丽", "军", "伟", "永红", "文斌", "玉兰", "学军", "德福", "红梅",
            "振华", "春生", "秀英", "成林", "晓东", "桂芳");

    private final long seed;
    private final List<Member> members;
    private final List<Fund> funds;
    private final List<Disbursement> disbursements;
    private final List<Cycle> cycles;
    private final List<Assistance> assistance;
    private final Map<String, Map<String, String>> expected;

    private ZhangyeDemo(long seed, List<Member> members, List<Fund> funds, List<Disbursement> disbursements,
            List<Cycle> cycles, List<Assistance> assistance) {
        this.seed = seed;
        this.members = List.copyOf(members);
        this.funds = List.copyOf(funds);
        this.disbursements = List.copyOf(disbursements);
        this.cycles = List.copyOf(cycles);
        this.assistance = List.copyOf(assistance);
        Map<String, Map<String, String>> figures = new LinkedHashMap<>();
        figures.put(DemoCounty.CITY, DemoTally.of(this, county -> true));
        for (DemoCounty county : DemoCounty.ALL) {
            figures.put(county.code(), DemoTally.of(this, county.code()::equals));
        }
        this.expected = Collections.unmodifiableMap(figures);
    }

    public static ZhangyeDemo generate(long seed) {
        return new Generation(seed).run();
    }

    public long seed() {
        return seed;
    }

    /** Every member, county by county in the order of {@link DemoCounty#ALL}. */
    public List<Member> members() {
        return members;
    }

    public List<Fund> funds() {
        return funds;
    }

    /** Holiday visits, then hardship relief, then startup support. */
    public List<Disbursement> disbursements() {
        return disbursements;
    }

    public List<Cycle> cycles() {
        return cycles;
    }

    public List<Assistance> assistance() {
        return assistance;
    }

    /**
     * The 2015 figures reporting must give for a county, or for the city (620700), keyed by the JSON
     * field names of its county and region reports, valued as the JSON shows them.
     */
    public Map<String, String> expected(String regionCode) {
        Map<String, String> figures = expected.get(regionCode);
        if (figures == null) {
            throw new IllegalArgumentException("not Zhangye or one of its counties: " + regionCode);
        }
        return figures;
    }

    /** The Idempotency-Key of a record: the same for the same seed and record, on every run. */
    public UUID idempotencyKey(String recordKey) {
        return UUID.nameUUIDFromBytes(("memberaid-demo-zhangye-2015/" + seed + "/" + recordKey).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ZhangyeDemo demo && seed == demo.seed && members.equals(demo.members)
                && funds.equals(demo.funds) && disbursements.equals(demo.disbursements) && cycles.equals(demo.cycles)
                && assistance.equals(demo.assistance) && expected.equals(demo.expected);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seed) * 31 + members.hashCode();
    }

    /** One generation: every draw from two seeded streams, in a fixed order. */
    private static final class Generation {

        private final long seed;
        private final SplittableRandom random;
        private final SyntheticMembers synthetic;
        private final List<Member> members = new ArrayList<>();
        /** Where each drawn member is in {@link #members}, to replace it. */
        private final Map<SyntheticMember, Integer> positions = new java.util.IdentityHashMap<>();
        /** The members in difficulty of each county, in the order drawn. */
        private final Map<String, List<SyntheticMember>> inDifficulty = new LinkedHashMap<>();
        private final List<Disbursement> disbursements = new ArrayList<>();
        private final List<Assistance> assistance = new ArrayList<>();

        Generation(long seed) {
            this.seed = seed;
            this.random = new SplittableRandom(seed).split();
            // Members are drawn as of the census's first day: everyone joined the party before it.
            this.synthetic = new SyntheticMembers(seed, CENSUS_FIRST_DAY);
        }

        ZhangyeDemo run() {
            for (DemoCounty county : DemoCounty.ALL) {
                census(county);
            }
            namePeopleOfTheArticle();
            makeElderlyEligibleForTheLivingSubsidy();
            holidayVisits();
            hardshipRelief();
            startupSupport();
            List<Cycle> cycles = livingSubsidyCycles();
            assistanceRecords();
            List<Fund> funds = funds(cycles);
            return new ZhangyeDemo(seed, members, funds, disbursements, cycles, assistance);
        }

        private void census(DemoCounty county) {
            boolean[] difficult = chooseAmong(county.members(), county.inDifficulty());
            List<SyntheticMember> ofCounty = new ArrayList<>();
            for (int i = 0; i < county.members(); i++) {
                SyntheticMember member = synthetic.nextOfCensus(county.code(), ethnicity(county.code()),
                        difficult[i] ? HardshipStatus.IN_DIFFICULTY : HardshipStatus.NOT_IN_DIFFICULTY);
                LocalDate registeredOn = dayBetween(CENSUS_FIRST_DAY, CENSUS_LAST_DAY);
                positions.put(member, members.size());
                members.add(new Member(member, registeredOn, difficult[i]));
                if (difficult[i]) {
                    ofCounty.add(member);
                }
            }
            inDifficulty.put(county.code(), ofCounty);
        }

        /** Han and Hui everywhere; in Sunan, the Yugur autonomous county, Yugur, Tibetan and Mongolian members too. */
        private String ethnicity(String countyCode) {
            double draw = random.nextDouble();
            if (DemoCounty.SUNAN.equals(countyCode)) {
                return draw < 0.40 ? "裕固族" : draw < 0.75 ? "汉族" : draw < 0.88 ? "藏族" : draw < 0.98 ? "蒙古族" : "回族";
            }
            return draw < 0.96 ? "汉族" : "回族";
        }

        /**
         * Zhou Yuqin (Shandan, embroidery) and Zhang Ailian (Sunan, the 5,000-yuan case) take the
         * places of their counties' first members in difficulty, so every count stays as chosen.
         */
        private void namePeopleOfTheArticle() {
            SyntheticMember zhou = new SyntheticMember(namedId(DemoCounty.SHANDAN, LocalDate.of(1972, 3, 8)), "周玉琴",
                    Gender.FEMALE, "汉族", "13993612845", DemoCounty.SHANDAN, "清泉镇", "南关村", "南关村党支部",
                    LocalDate.of(1998, 7, 1), Education.JUNIOR_SECONDARY, LaborCapacity.FULL, new BigDecimal("3600.00"),
                    false, HardshipStatus.IN_DIFFICULTY, List.of(HardshipCause.LACK_OF_FUNDS));
            SyntheticMember zhang = new SyntheticMember(namedId(DemoCounty.SUNAN, LocalDate.of(1957, 4, 9)), "张爱莲",
                    Gender.FEMALE, "裕固族", "13830765122", DemoCounty.SUNAN, "白银蒙古族乡", "东牛毛村", "东牛毛村党支部",
                    LocalDate.of(1984, 6, 20), Education.PRIMARY, LaborCapacity.PARTIAL, new BigDecimal("2400.00"),
                    false, HardshipStatus.IN_DIFFICULTY, List.of(HardshipCause.ILLNESS));
            replaceFirstInDifficulty(zhou);
            replaceFirstInDifficulty(zhang);
        }

        private String namedId(String countyCode, LocalDate birthDate) {
            Set<String> taken = new HashSet<>();
            members.forEach(member -> taken.add(member.nationalId()));
            for (int serial = 2; ; serial += 2) {
                String nationalId = NationalIds.of(countyCode, birthDate, serial);
                if (!taken.contains(nationalId)) {
                    return nationalId;
                }
            }
        }

        private void replaceFirstInDifficulty(SyntheticMember named) {
            List<SyntheticMember> ofCounty = inDifficulty.get(named.countyCode());
            SyntheticMember replaced = ofCounty.get(0);
            ofCounty.set(0, named);
            replaceMember(replaced, named);
        }

        private void replaceMember(SyntheticMember old, SyntheticMember replacement) {
            Integer i = positions.remove(old);
            if (i == null) {
                throw new IllegalStateException("not a member: " + old.nationalId());
            }
            positions.put(replacement, i);
            members.set(i, new Member(replacement, members.get(i).registeredOn(), members.get(i).oneByOne()));
        }

        /**
         * Half the members in difficulty aged 70 or more on the subsidy's day lose their labour
         * capacity and income and are old-age cases: the rules then admit them (others qualify as drawn).
         */
        private void makeElderlyEligibleForTheLivingSubsidy() {
            for (List<SyntheticMember> ofCounty : inDifficulty.values()) {
                for (int i = 1; i < ofCounty.size(); i++) {
                    SyntheticMember member = ofCounty.get(i);
                    if (ageOn(member, LIVING_SUBSIDY_DAY) >= LIVING_SUBSIDY_AGE
                            && random.nextDouble() < LIVING_SUBSIDY_MADE_ELIGIBLE) {
                        EnumSet<HardshipCause> causes = EnumSet.of(HardshipCause.OLD_AGE);
                        causes.addAll(member.causes());
                        SyntheticMember eligible = new SyntheticMember(member.nationalId(), member.name(), member.gender(),
                                member.ethnicity(), member.phone(), member.countyCode(), member.township(), member.village(),
                                member.partyBranch(), member.joinedPartyOn(), member.education(), LaborCapacity.NONE,
                                new BigDecimal("0.00"), member.notableContribution(), member.hardshipStatus(),
                                List.copyOf(causes));
                        ofCounty.set(i, eligible);
                        replaceMember(member, eligible);
                    }
                }
            }
        }

        /** The Spring Festival visit to every member in difficulty who is a veteran or made a notable contribution. */
        private void holidayVisits() {
            for (List<SyntheticMember> ofCounty : inDifficulty.values()) {
                for (SyntheticMember member : ofCounty) {
                    if (holidayVisitEligible(member, SPRING_FESTIVAL_VISIT)) {
                        disbursements.add(new Disbursement("holiday-visit/" + member.nationalId(), member.nationalId(),
                                member.countyCode(), "HOLIDAY_VISIT", HOLIDAY_VISIT_AMOUNT, SPRING_FESTIVAL_VISIT, null, null,
                                "春节走访慰问"));
                    }
                }
            }
        }

        private void hardshipRelief() {
            int[] perCounty = Splits.largestRemainder(HARDSHIP_RELIEF_MEMBERS, DemoCounty.inDifficultyWeights());
            int c = 0;
            for (Map.Entry<String, List<SyntheticMember>> county : inDifficulty.entrySet()) {
                List<SyntheticMember> candidates = new ArrayList<>(county.getValue());
                if (DemoCounty.SUNAN.equals(county.getKey())) {
                    candidates.remove(0); // Zhang Ailian has her own.
                }
                for (SyntheticMember member : pick(candidates, perCounty[c++])) {
                    BigDecimal amount = BigDecimal.valueOf((10 + random.nextInt(21)) * 100L).setScale(2);
                    disbursements.add(new Disbursement("hardship-relief/" + member.nationalId(), member.nationalId(),
                            member.countyCode(), "HARDSHIP_RELIEF", amount, dayBetween(RECORDS_FROM, RECORDS_TO), null, null,
                            "一次性困难救助"));
                }
            }
            SyntheticMember zhang = inDifficulty.get(DemoCounty.SUNAN).get(0);
            disbursements.add(new Disbursement("hardship-relief/" + zhang.nationalId(), zhang.nationalId(),
                    DemoCounty.SUNAN, "HARDSHIP_RELIEF", new BigDecimal("5000.00"), LocalDate.of(2015, 10, 20), null, null,
                    "骨癌治疗，县里放宽救助标准"));
        }

        /**
         * 279 members who can work, 6,200,000.00 yuan in whole hundreds of 1,000 to 50,000: the
         * members and the money divided among the counties by their members in difficulty, each
         * county's amounts drawn around its mean and then nudged by hundreds to its exact sum.
         */
        private void startupSupport() {
            int[] perCounty = Splits.largestRemainder(STARTUP_MEMBERS, DemoCounty.inDifficultyWeights());
            int[] hundreds = Splits.largestRemainder(STARTUP_TOTAL_HUNDREDS, perCounty);
            int c = 0;
            for (Map.Entry<String, List<SyntheticMember>> county : inDifficulty.entrySet()) {
                List<SyntheticMember> canWork = new ArrayList<>(county.getValue().stream()
                        .filter(member -> member.laborCapacity() != LaborCapacity.NONE).toList());
                List<SyntheticMember> chosen = new ArrayList<>();
                int[] amounts = new int[perCounty[c]];
                boolean[] fixed = new boolean[perCounty[c]];
                if (DemoCounty.SHANDAN.equals(county.getKey())) {
                    chosen.add(canWork.remove(0)); // Zhou Yuqin: 8,000 yuan for her embroidery.
                    amounts[0] = 80;
                    fixed[0] = true;
                }
                if (DemoCounty.SUNAN.equals(county.getKey())) {
                    canWork.remove(county.getValue().get(0));
                }
                chosen.addAll(pick(canWork, perCounty[c] - chosen.size()));
                int mean = hundreds[c] / perCounty[c];
                int spread = Math.min(mean - STARTUP_MIN_HUNDREDS, STARTUP_MAX_HUNDREDS - mean);
                for (int i = 0; i < amounts.length; i++) {
                    if (!fixed[i]) {
                        amounts[i] = mean - spread + random.nextInt(2 * spread + 1);
                    }
                }
                nudge(amounts, fixed, hundreds[c]);
                for (int i = 0; i < chosen.size(); i++) {
                    SyntheticMember member = chosen.get(i);
                    boolean zhou = fixed[i];
                    String mechanism = zhou ? "PROJECT_DIRECT_SUBSIDY" : MECHANISMS.get(weighted(MECHANISM_WEIGHTS));
                    disbursements.add(new Disbursement("startup-support/" + member.nationalId(), member.nationalId(),
                            member.countyCode(), "STARTUP_SUPPORT", BigDecimal.valueOf(amounts[i] * 100L).setScale(2),
                            zhou ? LocalDate.of(2015, 6, 18) : dayBetween(LocalDate.of(2015, 3, 2), LocalDate.of(2015, 11, 30)),
                            mechanism, zhou ? "裕固族刺绣" : PROJECTS.get(random.nextInt(PROJECTS.size())), "创业扶持"));
                }
                c++;
            }
        }

        /** Moves the free amounts by a hundred at a time, within the bounds, until they sum to {@code total}. */
        private static void nudge(int[] amounts, boolean[] fixed, int total) {
            int sum = 0;
            for (int amount : amounts) {
                sum += amount;
            }
            for (int i = 0; sum != total; i = (i + 1) % amounts.length) {
                int step = sum < total ? 1 : -1;
                int moved = amounts[i] + step;
                if (!fixed[i] && moved >= STARTUP_MIN_HUNDREDS && moved <= STARTUP_MAX_HUNDREDS) {
                    amounts[i] = moved;
                    sum += step;
                }
            }
        }

        private List<Cycle> livingSubsidyCycles() {
            List<Cycle> cycles = new ArrayList<>();
            for (DemoCounty county : DemoCounty.ALL) {
                List<String> entitled = inDifficulty.get(county.code()).stream()
                        .filter(member -> SyntheticMembers.livingSubsidyEligible(member, LIVING_SUBSIDY_DAY, LIVING_SUBSIDY_AGE))
                        .map(SyntheticMember::nationalId).toList();
                cycles.add(new Cycle("living-subsidy-cycle/" + county.code(), county.code(),
                        "2015年度生活补贴 (" + county.nameZh() + ", demo seed " + seed + ")", county.livingSubsidy(),
                        LIVING_SUBSIDY_DAY, entitled));
            }
            return cycles;
        }

        private void assistanceRecords() {
            int[] weights = DemoCounty.inDifficultyWeights();
            int[] training = Splits.largestRemainder(TRAINING_PERSON_TIMES, weights);
            int[] trainedTwice = Splits.largestRemainder(TRAINED_TWICE, weights);
            int[] placements = Splits.largestRemainder(JOB_PLACEMENTS, weights);
            int[] employers = Splits.largestRemainder(EMPLOYERS, weights);
            int[] allowance = Splits.largestRemainder(MINIMUM_LIVING_ALLOWANCE, weights);
            int[] medicalOnly = Splits.largestRemainder(MEDICAL_ONLY, weights);
            int[] educationOnly = Splits.largestRemainder(EDUCATION_ONLY, weights);
            int[] both = Splits.largestRemainder(MEDICAL_AND_EDUCATION, weights);
            int[] projects = Splits.largestRemainder(PROJECT_RECOMMENDATIONS, weights);
            int[] helpers = Splits.largestRemainder(CADRES + BUSINESS_LEADERS, weights);
            int[] cadres = Splits.largestRemainder(CADRES, helpers);
            int[] pairedTwice = Splits.largestRemainder(PAIRED_TWICE, weights);
            int c = 0;
            for (Map.Entry<String, List<SyntheticMember>> county : inDifficulty.entrySet()) {
                String code = county.getKey();
                List<SyntheticMember> ofCounty = county.getValue();
                List<SyntheticMember> trained = pick(ofCounty, training[c] - trainedTwice[c]);
                for (int i = 0; i < trained.size(); i++) {
                    record(code, "training-1", trained.get(i), "SKILLS_TRAINING", skills(), null, null);
                    if (i < trainedTwice[c]) {
                        record(code, "training-2", trained.get(i), "SKILLS_TRAINING", skills(), null, null);
                    }
                }
                List<String> employerNames = employerNames(code, employers[c]);
                List<SyntheticMember> placed = pick(ofCounty, placements[c]);
                for (int i = 0; i < placed.size(); i++) {
                    String employer = i < employerNames.size() ? employerNames.get(i)
                            : employerNames.get(random.nextInt(employerNames.size()));
                    record(code, "job-placement", placed.get(i), "JOB_PLACEMENT", null, employer, null);
                }
                for (SyntheticMember member : pick(ofCounty, allowance[c])) {
                    record(code, "minimum-living-allowance", member, "MINIMUM_LIVING_ALLOWANCE", null, null, null);
                }
                List<SyntheticMember> aided = pick(ofCounty, medicalOnly[c] + educationOnly[c] + both[c]);
                for (int i = 0; i < aided.size(); i++) {
                    boolean medical = i < medicalOnly[c] + both[c];
                    boolean education = i >= medicalOnly[c];
                    if (medical) {
                        record(code, "medical-assistance", aided.get(i), "MEDICAL_ASSISTANCE", null, null, null);
                    }
                    if (education) {
                        record(code, "education-assistance", aided.get(i), "EDUCATION_ASSISTANCE", null, null, null);
                    }
                }
                for (SyntheticMember member : pick(ofCounty, projects[c])) {
                    record(code, "project-recommendation", member, "PROJECT_RECOMMENDATION", null, null,
                            PROJECTS.get(random.nextInt(PROJECTS.size())));
                }
                pairings(code, ofCounty, helpers[c], cadres[c], pairedTwice[c]);
                c++;
            }
        }

        /** Each helper of the county pairs one member; the first {@code twice} members paired get a second helper. */
        private void pairings(String code, List<SyntheticMember> ofCounty, int helpers, int cadres, int twice) {
            List<SyntheticMember> paired = pick(ofCounty, helpers - twice);
            List<SyntheticMember> pairs = new ArrayList<>(paired);
            pairs.addAll(paired.subList(0, twice));
            for (int h = 0; h < helpers; h++) {
                boolean cadre = h < cadres;
                String type = cadre ? "CADRE" : "BUSINESS_LEADER";
                String helperId = (cadre ? "cadre-" : "business-leader-") + code + "-" + String.format(java.util.Locale.ROOT, "%04d", cadre ? h + 1 : h - cadres + 1);
                String helperName = SURNAMES.get(random.nextInt(SURNAMES.size())) + GIVEN.get(random.nextInt(GIVEN.size()));
                SyntheticMember member = pairs.get(h);
                assistance.add(new Assistance("pairing/" + helperId, member.nationalId(), code, "PAIRING",
                        dayBetween(RECORDS_FROM, RECORDS_TO), null, null, null, helperId, helperName, type));
            }
        }

        private void record(String code, String name, SyntheticMember member, String kind, List<String> skills,
                String employer, String projectName) {
            assistance.add(new Assistance(name + "/" + member.nationalId(), member.nationalId(), code, kind,
                    dayBetween(RECORDS_FROM, RECORDS_TO), skills, employer, projectName, null, null, null));
        }

        private List<String> skills() {
            return pick(SKILLS, 1 + random.nextInt(3));
        }

        /** Plausible company names, distinct within the city, each employing only in its own county. */
        private List<String> employerNames(String code, int count) {
            String place = switch (code) {
                case "620702" -> "张掖市甘州区";
                case "620721" -> "肃南县";
                case "620722" -> "民乐县";
                case "620723" -> "临泽县";
                case "620724" -> "高台县";
                default -> "山丹县";
            };
            List<String> names = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            while (names.size() < count) {
                String name = place + EMPLOYER_WORDS.get(random.nextInt(EMPLOYER_WORDS.size()))
                        + EMPLOYER_TRADES.get(random.nextInt(EMPLOYER_TRADES.size())) + "有限公司";
                if (seen.add(name)) {
                    names.add(name);
                }
            }
            return names;
        }

        private List<Fund> funds(List<Cycle> cycles) {
            List<Fund> funds = new ArrayList<>();
            for (DemoCounty county : DemoCounty.ALL) {
                BigDecimal specialRelief = cycles.stream().filter(cycle -> cycle.countyCode().equals(county.code()))
                        .map(Cycle::total).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal startup = BigDecimal.ZERO;
                for (Disbursement disbursement : disbursements) {
                    if (disbursement.countyCode().equals(county.code())) {
                        if ("STARTUP".equals(disbursement.fundKind())) {
                            startup = startup.add(disbursement.amount());
                        } else {
                            specialRelief = specialRelief.add(disbursement.amount());
                        }
                    }
                }
                funds.add(new Fund(county.code(), "SPECIAL_RELIEF", roundUp(specialRelief).max(SPECIAL_RELIEF_FLOOR)));
                funds.add(new Fund(county.code(), "STARTUP", roundUp(startup)));
            }
            return funds;
        }

        private static BigDecimal roundUp(BigDecimal amount) {
            return amount.divide(BUDGET_STEP, 0, java.math.RoundingMode.CEILING).multiply(BUDGET_STEP).setScale(2);
        }

        /** {@code count} of {@code total} positions, chosen by a partial Fisher-Yates shuffle. */
        private boolean[] chooseAmong(int total, int count) {
            int[] positions = new int[total];
            for (int i = 0; i < total; i++) {
                positions[i] = i;
            }
            boolean[] chosen = new boolean[total];
            for (int i = 0; i < count; i++) {
                int j = i + random.nextInt(total - i);
                int swap = positions[i];
                positions[i] = positions[j];
                positions[j] = swap;
                chosen[positions[i]] = true;
            }
            return chosen;
        }

        /** {@code count} distinct elements of {@code from}, in a random order. */
        private <T> List<T> pick(List<T> from, int count) {
            if (count > from.size()) {
                throw new IllegalStateException("cannot pick " + count + " of " + from.size());
            }
            List<T> copy = new ArrayList<>(from);
            for (int i = 0; i < count; i++) {
                Collections.swap(copy, i, i + random.nextInt(copy.size() - i));
            }
            return new ArrayList<>(copy.subList(0, count));
        }

        private int weighted(int[] weights) {
            int total = 0;
            for (int weight : weights) {
                total += weight;
            }
            int point = random.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                point -= weights[i];
                if (point < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        private LocalDate dayBetween(LocalDate first, LocalDate last) {
            return first.plusDays(random.nextLong(ChronoUnit.DAYS.between(first, last) + 1));
        }
    }

    static int ageOn(SyntheticMember member, LocalDate day) {
        return java.time.Period.between(member.birthDate(), day).getYears();
    }

    /** The programme's holiday-visit rule: a notable contribution, or 50 years in the party on the day. */
    static boolean holidayVisitEligible(SyntheticMember member, LocalDate day) {
        return member.notableContribution() || !member.joinedPartyOn().plusYears(VETERAN_YEARS).isAfter(day);
    }
}
