package org.memberaid.deploy.loadgen.members;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * An endless, repeatable supply of valid, distinct members: the same seed and the same day give the
 * same members in the same order. Safe for concurrent callers.
 */
public final class SyntheticMembers {

    /** Business dates are Chinese dates, whatever the zone of the machine running the load. */
    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    /** The article's census: 4,386 of 88,986 members were living in poverty. */
    static final double IN_DIFFICULTY_RATE = 4386.0 / 88986.0;

    static final int MIN_AGE = 18;
    static final int MAX_AGE = 95;
    /**
     * Kept away from the age limits so that a service whose clock is on another day (another
     * zone, or a run across midnight) still sees every member aged 18–95.
     */
    private static final int DAYS_OF_MARGIN = 2;

    /** Real province codes (GB/T 2260), all within 11–65, so the address part looks plausible. */
    private static final int[] PROVINCE_CODES = {
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65};

    private static final Weighted<County> COUNTIES = countiesByWeight();
    private static final Weighted<Education> EDUCATION_BEFORE_60 = new Weighted<Education>()
            .add(2, Education.NONE).add(12, Education.PRIMARY).add(33, Education.JUNIOR_SECONDARY)
            .add(20, Education.SENIOR_SECONDARY).add(9, Education.VOCATIONAL).add(12, Education.JUNIOR_COLLEGE)
            .add(10, Education.BACHELOR).add(2, Education.POSTGRADUATE);
    private static final Weighted<Education> EDUCATION_FROM_60 = new Weighted<Education>()
            .add(12, Education.NONE).add(40, Education.PRIMARY).add(30, Education.JUNIOR_SECONDARY)
            .add(10, Education.SENIOR_SECONDARY).add(4, Education.VOCATIONAL).add(3, Education.JUNIOR_COLLEGE)
            .add(1, Education.BACHELOR);

    private final SplittableRandom random;
    private final LocalDate today;
    private final LocalDate oldestBirthDate;
    private final LocalDate youngestBirthDate;
    private final Set<String> issuedNationalIds = new HashSet<>();

    public SyntheticMembers(long seed, LocalDate today) {
        this.random = new SplittableRandom(seed);
        this.today = today;
        // Days first, then years: in that order the 18th birthday of the youngest falls on or before
        // today minus the margin even across a 29 February, which leaves a day to join the party in.
        this.oldestBirthDate = today.plusDays(DAYS_OF_MARGIN).minusYears(MAX_AGE);
        this.youngestBirthDate = today.minusDays(DAYS_OF_MARGIN).minusYears(MIN_AGE);
    }

    /** Members as of today in China. */
    public SyntheticMembers(long seed) {
        this(seed, LocalDate.now(BUSINESS_ZONE));
    }

    public synchronized List<SyntheticMember> next(int count) {
        List<SyntheticMember> members = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            members.add(next());
        }
        return members;
    }

    public synchronized SyntheticMember next() {
        // Rural party membership is mostly male.
        Gender gender = random.nextDouble() < 0.72 ? Gender.MALE : Gender.FEMALE;
        LocalDate birthDate = dateBetween(oldestBirthDate, youngestBirthDate);
        int age = Period.between(birthDate, today).getYears();
        County county = COUNTIES.pick(random);
        String village = pick(Vocabulary.VILLAGES);
        LaborCapacity laborCapacity = laborCapacity(age);
        HardshipStatus hardship = random.nextDouble() < IN_DIFFICULTY_RATE
                ? HardshipStatus.IN_DIFFICULTY : HardshipStatus.NOT_IN_DIFFICULTY;
        return draw(county, gender, birthDate, age, village, laborCapacity, hardship,
                () -> uniqueNationalId(birthDate, gender), () -> Vocabulary.ETHNICITIES.pick(random));
    }

    /**
     * The rest of a member, drawn in this order (the arguments are evaluated left to right): the
     * national ID, the name, the ethnicity, the phone, the township, the joining date, the education,
     * the income, the notable contribution, the causes. The order is what makes a seed repeatable.
     */
    private SyntheticMember draw(County county, Gender gender, LocalDate birthDate, int age, String village,
            LaborCapacity laborCapacity, HardshipStatus hardship, Supplier<String> nationalId, Supplier<String> ethnicity) {
        return new SyntheticMember(
                nationalId.get(),
                name(gender),
                gender,
                ethnicity.get(),
                phone(),
                county.code,
                pick(county.townships),
                village,
                village + "党支部",
                joinedPartyOn(birthDate),
                (age < 60 ? EDUCATION_BEFORE_60 : EDUCATION_FROM_60).pick(random),
                laborCapacity,
                annualIncome(laborCapacity, hardship),
                random.nextDouble() < 0.02,
                hardship,
                hardship == HardshipStatus.IN_DIFFICULTY ? causes(age) : List.of());
    }

    /**
     * The next member as {@link #next()} draws it, but registered in the given county (with one of
     * its townships) and assessed as in difficulty for the given causes: for scenarios that need
     * members whom relief may be paid to, in every county. Consumes the same draws as {@link #next()}
     * plus one.
     *
     * @param countyCode one of {@link #countyCodes()}
     */
    public synchronized SyntheticMember nextInDifficulty(String countyCode, List<HardshipCause> causes) {
        County county = county(countyCode);
        if (causes.isEmpty()) {
            throw new IllegalArgumentException("a member in difficulty has at least one cause");
        }
        SyntheticMember drawn = next();
        return new SyntheticMember(drawn.nationalId(), drawn.name(), drawn.gender(), drawn.ethnicity(), drawn.phone(),
                county.code, pick(county.townships), drawn.village(), drawn.partyBranch(), drawn.joinedPartyOn(),
                drawn.education(), drawn.laborCapacity(), drawn.annualIncome(), drawn.notableContribution(),
                HardshipStatus.IN_DIFFICULTY, causes);
    }

    /**
     * The next member as {@link #next()} draws it, but registered in the given county (with one of
     * its townships): an ordinary member of that county. Consumes the same draws as {@link #next()}
     * plus one.
     *
     * @param countyCode one of {@link #countyCodes()}
     */
    public synchronized SyntheticMember nextInCounty(String countyCode) {
        County county = county(countyCode);
        SyntheticMember drawn = next();
        return new SyntheticMember(drawn.nationalId(), drawn.name(), drawn.gender(), drawn.ethnicity(), drawn.phone(),
                county.code, pick(county.townships), drawn.village(), drawn.partyBranch(), drawn.joinedPartyOn(),
                drawn.education(), drawn.laborCapacity(), drawn.annualIncome(), drawn.notableContribution(),
                drawn.hardshipStatus(), drawn.causes());
    }

    /**
     * A member of the given county whom the living subsidy is for, today: in difficulty (OLD_AGE,
     * for some with a second cause), aged {@code minAge} to 95 (two days away from both limits, so
     * a service on another day still agrees), without labour capacity and without income.
     *
     * @param minAge the county policy's living subsidy age, 18 to 93
     */
    public synchronized SyntheticMember nextForLivingSubsidy(String countyCode, int minAge) {
        County county = county(countyCode);
        if (minAge < MIN_AGE || minAge > MAX_AGE - 2) {
            throw new IllegalArgumentException("the living subsidy age must be " + MIN_AGE + " to " + (MAX_AGE - 2)
                    + ", not " + minAge);
        }
        Gender gender = random.nextDouble() < 0.72 ? Gender.MALE : Gender.FEMALE;
        LocalDate birthDate = dateBetween(oldestBirthDate, today.minusDays(DAYS_OF_MARGIN).minusYears(minAge));
        String village = pick(Vocabulary.VILLAGES);
        List<HardshipCause> causes = random.nextDouble() < 0.6 ? List.of(HardshipCause.OLD_AGE)
                : List.of(HardshipCause.OLD_AGE, random.nextDouble() < 0.7 ? HardshipCause.ILLNESS : HardshipCause.DISABILITY);
        return new SyntheticMember(
                uniqueNationalId(birthDate, gender),
                name(gender),
                gender,
                Vocabulary.ETHNICITIES.pick(random),
                phone(),
                county.code,
                pick(county.townships),
                village,
                village + "党支部",
                joinedPartyOn(birthDate),
                EDUCATION_FROM_60.pick(random),
                LaborCapacity.NONE,
                BigDecimal.valueOf(0, 2),
                random.nextDouble() < 0.02,
                HardshipStatus.IN_DIFFICULTY,
                causes);
    }

    /**
     * A member of a census held on this generator's today in {@code countyCode}: drawn as
     * {@link #next()} draws (gender, birth date, name, phone, party, education, labour capacity,
     * income, notable contribution), but with a national ID whose region part is the county's code,
     * one of the county's townships, the given ethnicity, and the given hardship status (its causes
     * drawn as {@link #next()} draws them). For a demo that fixes the counties' sizes and
     * in-difficulty counts itself; {@link #next()} and the others are unchanged by it.
     *
     * @param countyCode one of {@link #countyCodes()}
     */
    public synchronized SyntheticMember nextOfCensus(String countyCode, String ethnicity, HardshipStatus hardship) {
        County county = county(countyCode);
        Gender gender = random.nextDouble() < 0.72 ? Gender.MALE : Gender.FEMALE;
        LocalDate birthDate = dateBetween(oldestBirthDate, youngestBirthDate);
        int age = Period.between(birthDate, today).getYears();
        String village = pick(Vocabulary.VILLAGES);
        LaborCapacity laborCapacity = laborCapacity(age);
        return draw(county, gender, birthDate, age, village, laborCapacity, hardship,
                () -> uniqueNationalIdIn(county.code, birthDate, gender), () -> ethnicity);
    }

    /**
     * Whether the default rules of the living subsidy admit {@code member} on {@code on}: in
     * difficulty, aged {@code minAge} or more, no labour capacity, no income. (Relief also asks
     * that the member be active, in the fund's county, and not paid the subsidy that year yet.)
     */
    public static boolean livingSubsidyEligible(SyntheticMember member, LocalDate on, int minAge) {
        return member.hardshipStatus() == HardshipStatus.IN_DIFFICULTY
                && Period.between(member.birthDate(), on).getYears() >= minAge
                && member.laborCapacity() == LaborCapacity.NONE
                && member.annualIncome().signum() == 0;
    }

    private static County county(String countyCode) {
        return Arrays.stream(County.values()).filter(c -> c.code.equals(countyCode)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a county of Zhangye: " + countyCode));
    }

    /** The codes of Zhangye's six counties, the city district first. */
    public static List<String> countyCodes() {
        return Arrays.stream(County.values()).map(county -> county.code).toList();
    }

    private String uniqueNationalId(LocalDate birthDate, Gender gender) {
        while (true) {
            String address = PROVINCE_CODES[random.nextInt(PROVINCE_CODES.length)]
                    + String.format(Locale.ROOT, "%04d", random.nextInt(10_000));
            int serial = random.nextInt(100) * 10 + 2 * random.nextInt(5) + (gender == Gender.MALE ? 1 : 0);
            // Serial 000 is never issued.
            if (serial != 0) {
                String nationalId = NationalIds.of(address, birthDate, serial);
                if (issuedNationalIds.add(nationalId)) {
                    return nationalId;
                }
            }
        }
    }

    /** A national ID of a member registered where born: the county's code is its region part. */
    private String uniqueNationalIdIn(String countyCode, LocalDate birthDate, Gender gender) {
        while (true) {
            int serial = random.nextInt(100) * 10 + 2 * random.nextInt(5) + (gender == Gender.MALE ? 1 : 0);
            if (serial != 0) {
                String nationalId = NationalIds.of(countyCode, birthDate, serial);
                if (issuedNationalIds.add(nationalId)) {
                    return nationalId;
                }
            }
        }
    }

    private String name(Gender gender) {
        List<String> characters = gender == Gender.MALE
                ? Vocabulary.MALE_GIVEN_NAME_CHARACTERS : Vocabulary.FEMALE_GIVEN_NAME_CHARACTERS;
        double shape = random.nextDouble();
        if (shape < 0.03) {
            return pick(Vocabulary.COMPOUND_SURNAMES) + givenName(characters, 2);
        }
        return pick(Vocabulary.SURNAMES) + givenName(characters, shape < 0.28 ? 1 : 2);
    }

    private String givenName(List<String> characters, int length) {
        StringBuilder given = new StringBuilder();
        for (int i = 0; i < length; i++) {
            given.append(pick(characters));
        }
        return given.toString();
    }

    private String phone() {
        return "1" + (3 + random.nextInt(7)) + String.format(Locale.ROOT, "%09d", random.nextInt(1_000_000_000));
    }

    /**
     * From the day after the 18th birthday (plusYears maps 29 February to 28 February, a day too
     * early) to yesterday, and mostly in the member's twenties and thirties.
     */
    private LocalDate joinedPartyOn(LocalDate birthDate) {
        LocalDate earliest = birthDate.plusYears(MIN_AGE).plusDays(1);
        LocalDate typicalLatest = earliest.plusYears(25);
        LocalDate yesterday = today.minusDays(1);
        return dateBetween(earliest, typicalLatest.isBefore(yesterday) ? typicalLatest : yesterday);
    }

    private LaborCapacity laborCapacity(int age) {
        double draw = random.nextDouble();
        if (age >= 70) {
            return draw < 0.5 ? LaborCapacity.NONE : draw < 0.85 ? LaborCapacity.PARTIAL : LaborCapacity.FULL;
        }
        if (age >= 60) {
            return draw < 0.2 ? LaborCapacity.NONE : draw < 0.6 ? LaborCapacity.PARTIAL : LaborCapacity.FULL;
        }
        return draw < 0.05 ? LaborCapacity.NONE : draw < 0.15 ? LaborCapacity.PARTIAL : LaborCapacity.FULL;
    }

    /** Yuan with 2 places; members who cannot work often have no income at all. */
    private BigDecimal annualIncome(LaborCapacity laborCapacity, HardshipStatus hardship) {
        if (laborCapacity == LaborCapacity.NONE && random.nextDouble() < 0.35) {
            return BigDecimal.valueOf(0, 2);
        }
        long maxYuan = switch (laborCapacity) {
            case NONE -> 6_000;
            case PARTIAL -> 20_000;
            case FULL -> 80_000;
        };
        if (hardship == HardshipStatus.IN_DIFFICULTY) {
            maxYuan = Math.min(maxYuan, 5_000);
        }
        long cents = random.nextLong(maxYuan * 100 + 1);
        return BigDecimal.valueOf(cents, 2);
    }

    private List<HardshipCause> causes(int age) {
        List<HardshipCause> candidates = new ArrayList<>(EnumSet.allOf(HardshipCause.class));
        if (age < 60) {
            candidates.remove(HardshipCause.OLD_AGE);
        }
        int count = random.nextDouble() < 0.65 ? 1 : 2;
        EnumSet<HardshipCause> causes = EnumSet.noneOf(HardshipCause.class);
        while (causes.size() < count) {
            causes.add(candidates.get(random.nextInt(candidates.size())));
        }
        return List.copyOf(causes);
    }

    private LocalDate dateBetween(LocalDate first, LocalDate last) {
        long days = ChronoUnit.DAYS.between(first, last);
        return first.plusDays(random.nextLong(days + 1));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static Weighted<County> countiesByWeight() {
        Weighted<County> counties = new Weighted<>();
        for (County county : County.values()) {
            counties.add(county.weight, county);
        }
        return counties;
    }
}
