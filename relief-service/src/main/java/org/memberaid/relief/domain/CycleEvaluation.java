package org.memberaid.relief.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Which members of a cycle's county the programme's rules admit on the cycle's date: the rules of
 * a single request ({@link Eligibility#check}, one implementation), and, for every kind, not twice
 * in a year: a member who already has a live disbursement of the cycle's kind that year is left
 * out ({@value #ALREADY_THIS_YEAR}, for the living subsidy its own rule). Pure: the caller reads
 * the members and writes the outcome.
 */
public final class CycleEvaluation {

    /** The rule that leaves out a member who already has the cycle's kind this year. */
    public static final String ALREADY_THIS_YEAR = "cycle-kind-already-this-year";

    /** A member of the county, and whether they already have a requested or approved disbursement of the kind that year. */
    public record Candidate(MemberReplica member, boolean hasKindThisYear) {
    }

    /** The members admitted, in the order given, and how many were left out by each rule. */
    public record Outcome(List<UUID> entitled, Map<String, Integer> excluded) {
    }

    private CycleEvaluation() {
    }

    public static Outcome evaluate(Cycle cycle, Fund fund, CountyPolicy policy, Collection<Candidate> candidates) {
        List<UUID> entitled = new ArrayList<>(candidates.size());
        Map<String, Integer> excluded = new TreeMap<>();
        for (Candidate candidate : candidates) {
            String refused = refusal(cycle, fund, policy, candidate);
            if (refused == null) {
                entitled.add(candidate.member().id);
            } else {
                excluded.merge(refused, 1, Integer::sum);
            }
        }
        return new Outcome(entitled, excluded);
    }

    /** The rule that leaves {@code candidate} out of the cycle, or null when the rules admit them. */
    public static String refusal(Cycle cycle, Fund fund, CountyPolicy policy, Candidate candidate) {
        boolean livingSubsidy = cycle.kind == DisbursementKind.LIVING_SUBSIDY;
        if (!livingSubsidy && candidate.hasKindThisYear()) {
            return ALREADY_THIS_YEAR;
        }
        try {
            Eligibility.check(cycle.requestFor(candidate.member().id), candidate.member(), fund, policy,
                    livingSubsidy && candidate.hasKindThisYear());
            return null;
        } catch (RuleViolationException e) {
            return e.rule();
        }
    }
}
