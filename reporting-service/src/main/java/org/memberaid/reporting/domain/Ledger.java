package org.memberaid.reporting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What one batch of events changes: the stock per county, the additive figures per county and
 * month, and the weights of distinctly counted values. Each transition takes the old state's
 * contribution out where it was counted and puts the new state's in where it now counts, so
 * transfers, reversals and status changes move every figure exactly. A key is written when one
 * transition moves it, and kept (as zero) when the batch's changes to it cancel out: which rows
 * exist (and so which counties a report lists) then depends only on the events, never on how
 * they were cut into batches, and a rebuild gives the same rows. Keys are sorted so that
 * concurrent writers lock rows in the same order.
 */
public final class Ledger {

    public record MonthKey(String countyCode, LocalDate month, Figure figure) {
    }

    public record DistinctKey(String countyCode, LocalDate month, Measure measure, String value) {
    }

    public record YearKey(int year, String countyCode, Figure figure) {
    }

    public record YearDistinctKey(String countyCode, int year, Measure measure, String value) {

        public YearCountKey countKey() {
            return new YearCountKey(year, countyCode, measure);
        }
    }

    /** A county's count of distinct values of a measure in a year. */
    public record YearCountKey(int year, String countyCode, Measure measure) {
    }

    public static final Comparator<YearCountKey> YEAR_COUNT_ORDER = Comparator.comparingInt(YearCountKey::year)
            .thenComparing(YearCountKey::countyCode).thenComparing(YearCountKey::measure);

    private static final Comparator<MonthKey> MONTH_ORDER = Comparator.comparing(MonthKey::countyCode)
            .thenComparing(MonthKey::month).thenComparing(MonthKey::figure);
    private static final Comparator<DistinctKey> DISTINCT_ORDER = Comparator.comparing(DistinctKey::countyCode)
            .thenComparing(DistinctKey::month).thenComparing(DistinctKey::measure).thenComparing(DistinctKey::value);
    private static final Comparator<YearKey> YEAR_ORDER = Comparator.comparingInt(YearKey::year)
            .thenComparing(YearKey::countyCode).thenComparing(YearKey::figure);
    private static final Comparator<YearDistinctKey> YEAR_DISTINCT_ORDER =
            Comparator.comparing(YearDistinctKey::countyCode).thenComparingInt(YearDistinctKey::year)
                    .thenComparing(YearDistinctKey::measure).thenComparing(YearDistinctKey::value);
    private static final String IN_DIFFICULTY = "IN_DIFFICULTY";
    private static final String LIFTED_OUT = "LIFTED_OUT";

    private final Map<MonthKey, BigDecimal> figures = new TreeMap<>(MONTH_ORDER);
    private final Map<DistinctKey, Integer> distinct = new TreeMap<>(DISTINCT_ORDER);

    public static LocalDate monthOf(LocalDate date) {
        return date.withDayOfMonth(1);
    }

    /**
     * A member moves from {@code held} (null: not known before) to {@code incoming}, which counts from
     * its {@code since}: the held state's contribution comes out of its county and the new one goes
     * into its county, both in that month. A change dated before the one held (registrars enter a
     * past change after a later one) counts from the held state's date instead: a member's states
     * then follow each other in time, so at every month's end each member counts once, in one county
     * and with one status, and no county ever has more members in difficulty than members.
     *
     * @return the state to keep, counting from the date it was counted from
     */
    public MemberState member(MemberState held, MemberState incoming) {
        MemberState counted = held != null && held.since().isAfter(incoming.since())
                ? incoming.countingFrom(held.since()) : incoming;
        LocalDate month = monthOf(counted.since());
        if (held != null) {
            addStock(held.countyCode(), month, CountyFigures.ZERO.minus(held.contribution()));
        }
        addStock(counted.countyCode(), month, counted.contribution());
        if (!counted.counted()) {
            return counted;
        }
        String before = held == null ? null : held.hardshipStatus();
        if (IN_DIFFICULTY.equals(counted.hardshipStatus()) && !IN_DIFFICULTY.equals(before)) {
            add(counted.countyCode(), month, Figure.NEWLY_IN_DIFFICULTY, BigDecimal.ONE);
        }
        if (LIFTED_OUT.equals(counted.hardshipStatus()) && before != null && !LIFTED_OUT.equals(before)) {
            add(counted.countyCode(), month, Figure.NEWLY_LIFTED_OUT, BigDecimal.ONE);
        }
        return counted;
    }

    /**
     * A disbursement changes status: approved money (APPROVED or PAID) counts, where and when it was
     * disbursed, and so do the money paid and the money whose payment failed. Paying an approved
     * disbursement moves only the payment figures: its approved money, count and beneficiary (of all
     * kinds and of its kind) stay.
     */
    public void disbursement(DisbursementState held, DisbursementState incoming) {
        boolean stillApproved = held != null && held.approved() && incoming.approved() && held.sameMoneyAs(incoming);
        if (held != null) {
            count(held, -1, !stillApproved);
        }
        count(incoming, 1, !stillApproved);
    }

    public void assistance(Assistance record) {
        LocalDate month = monthOf(record.providedOn());
        add(record.countyCode(), month, record.kind(), BigDecimal.ONE);
        if (record.kind() == Figure.JOB_PLACEMENT && record.employer() != null) {
            weigh(new DistinctKey(record.countyCode(), month, Measure.EMPLOYER, record.employer()), 1);
        }
        if (record.kind() == Figure.MEDICAL_ASSISTANCE || record.kind() == Figure.EDUCATION_ASSISTANCE) {
            weigh(new DistinctKey(record.countyCode(), month, Measure.MEDICAL_OR_EDUCATION_ASSISTED,
                    record.memberId().toString()), 1);
        }
        if (record.kind() == Figure.PAIRING) {
            weigh(new DistinctKey(record.countyCode(), month, Measure.PAIRED_MEMBER, record.memberId().toString()), 1);
            if (record.helperId() != null && record.helperType() != null) {
                weigh(new DistinctKey(record.countyCode(), month, Measure.valueOf("HELPER_" + record.helperType()),
                        record.helperId()), 1);
            }
        }
    }

    /**
     * What a disbursement's state adds to the figures ({@code sign} 1) or takes out of them (-1); without
     * {@code approval}, its approved money, count and beneficiaries are left as they are (a payment).
     */
    private void count(DisbursementState d, int sign, boolean approval) {
        BigDecimal amount = sign > 0 ? d.amount() : d.amount().negate();
        if (approval && d.approved()) {
            add(d.countyCode(), d.month(), Figure.approved(d.kind()), amount);
            add(d.countyCode(), d.month(), Figure.disbursements(d.kind()), BigDecimal.valueOf(sign));
            weigh(new DistinctKey(d.countyCode(), d.month(), Measure.BENEFICIARY, d.memberId().toString()), sign);
            weigh(new DistinctKey(d.countyCode(), d.month(), Measure.beneficiary(d.kind()), d.memberId().toString()),
                    sign);
        }
        if (d.paid()) {
            add(d.countyCode(), d.month(), Figure.PAID, amount);
            weigh(new DistinctKey(d.countyCode(), d.month(), Measure.PAID_BENEFICIARY, d.memberId().toString()), sign);
        }
        if (d.paymentFailed()) {
            add(d.countyCode(), d.month(), Figure.PAYMENT_FAILED, amount);
        }
    }

    private void addStock(String countyCode, LocalDate month, CountyFigures change) {
        if (change.equals(CountyFigures.ZERO)) {
            return;
        }
        add(countyCode, month, Figure.MEMBERS_TOTAL, change.membersTotal());
        add(countyCode, month, Figure.MEMBERS_IN_DIFFICULTY, change.membersInDifficulty());
        add(countyCode, month, Figure.MEMBERS_LIFTED_OUT, change.membersLiftedOut());
    }

    private void add(String countyCode, LocalDate month, Figure figure, long change) {
        if (change != 0) {
            add(countyCode, month, figure, BigDecimal.valueOf(change));
        }
    }

    private void add(String countyCode, LocalDate month, Figure figure, BigDecimal amount) {
        figures.merge(new MonthKey(countyCode, month, figure), amount, BigDecimal::add);
    }

    private void weigh(DistinctKey key, int weight) {
        distinct.merge(key, weight, Integer::sum);
    }

    /** The counties whose figures this batch touches. */
    public Set<String> counties() {
        Set<String> counties = new HashSet<>();
        figures.keySet().forEach(key -> counties.add(key.countyCode()));
        distinct.keySet().forEach(key -> counties.add(key.countyCode()));
        return counties;
    }

    /**
     * County → change of its stock over all months (zero when the batch's changes to it cancel out),
     * from the monthly changes of the {@code MEMBERS_*} figures.
     */
    public Map<String, CountyFigures> stock() {
        Map<String, Map<Figure, BigDecimal>> changes = new TreeMap<>();
        figures.forEach((key, amount) -> {
            if (key.figure().isStock()) {
                changes.computeIfAbsent(key.countyCode(), county -> new TreeMap<>()).merge(key.figure(), amount,
                        BigDecimal::add);
            }
        });
        Map<String, CountyFigures> stock = new TreeMap<>();
        changes.forEach((county, change) -> stock.put(county, CountyFigures.changeIn(change)));
        return stock;
    }

    /** The changes of the additive figures, in lock order. */
    public Map<MonthKey, BigDecimal> figures() {
        return Collections.unmodifiableMap(figures);
    }

    /** The changes of the additive figures summed per year, in lock order. */
    public Map<YearKey, BigDecimal> yearFigures() {
        Map<YearKey, BigDecimal> years = new TreeMap<>(YEAR_ORDER);
        figures.forEach((key, amount) -> years.merge(new YearKey(key.month().getYear(), key.countyCode(), key.figure()),
                amount, BigDecimal::add));
        return years;
    }

    /** The changes of the distinct values' weights summed per year, in lock order. */
    public Map<YearDistinctKey, Integer> yearDistinct() {
        Map<YearDistinctKey, Integer> years = new TreeMap<>(YEAR_DISTINCT_ORDER);
        distinct.forEach((key, weight) -> years.merge(new YearDistinctKey(key.countyCode(), key.month().getYear(),
                key.measure(), key.value()), weight, Integer::sum));
        return years;
    }

    /** The changes of the distinct values' weights, in lock order. */
    public Map<DistinctKey, Integer> distinct() {
        return Collections.unmodifiableMap(distinct);
    }
}
