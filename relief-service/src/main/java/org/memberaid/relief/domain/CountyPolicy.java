package org.memberaid.relief.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.memberaid.problems.Violation;

/**
 * A county's relief rules. The defaults are the article's: hardship relief 1,000–3,000 yuan;
 * living subsidy 300–500 yuan a year from age 70; a special relief fund of at least 500,000
 * yuan; startup support up to 50,000 yuan; veterans after 50 years in the party. A county may
 * widen a band (the article's 5,000-yuan case).
 */
public record CountyPolicy(String countyCode, BigDecimal hardshipReliefMin, BigDecimal hardshipReliefMax,
        BigDecimal livingSubsidyMin, BigDecimal livingSubsidyMax, int livingSubsidyAge, BigDecimal specialReliefFloor,
        BigDecimal startupSupportMax, int veteranYears, long version) {

    public static CountyPolicy defaults(String countyCode) {
        return new CountyPolicy(countyCode, yuan("1000"), yuan("3000"), yuan("300"), yuan("500"), 70,
                yuan("500000"), yuan("50000"), 50, 0);
    }

    /** What is wrong with these rules as a whole; empty when they are consistent. */
    public List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        positive(hardshipReliefMin, "hardshipReliefMin", violations);
        positive(hardshipReliefMax, "hardshipReliefMax", violations);
        positive(livingSubsidyMin, "livingSubsidyMin", violations);
        positive(livingSubsidyMax, "livingSubsidyMax", violations);
        positive(specialReliefFloor, "specialReliefFloor", violations);
        positive(startupSupportMax, "startupSupportMax", violations);
        if (violations.isEmpty()) {
            if (hardshipReliefMin.compareTo(hardshipReliefMax) > 0) {
                violations.add(new Violation("hardshipReliefMax", "must not be below hardshipReliefMin"));
            }
            if (livingSubsidyMin.compareTo(livingSubsidyMax) > 0) {
                violations.add(new Violation("livingSubsidyMax", "must not be below livingSubsidyMin"));
            }
        }
        if (livingSubsidyAge < 18 || livingSubsidyAge > 120) {
            violations.add(new Violation("livingSubsidyAge", "must be between 18 and 120"));
        }
        if (veteranYears < 1 || veteranYears > 100) {
            violations.add(new Violation("veteranYears", "must be between 1 and 100"));
        }
        return violations;
    }

    private static void positive(BigDecimal amount, String field, List<Violation> violations) {
        if (amount == null) {
            violations.add(new Violation(field, "is required"));
        } else if (amount.signum() <= 0) {
            violations.add(new Violation(field, "must be more than 0"));
        } else if (amount.stripTrailingZeros().scale() > 2) {
            violations.add(new Violation(field, "must have at most 2 decimals (yuan and fen)"));
        }
    }

    private static BigDecimal yuan(String amount) {
        return new BigDecimal(amount).setScale(2);
    }
}
