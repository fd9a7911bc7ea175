package org.memberaid.access;

import java.util.regex.Pattern;
import org.memberaid.problems.InvalidInputException;

/**
 * The part of the country a caller works in, from the token's {@code region} claim: a GB/T 2260
 * code of a county (620702), a city (620700: its counties 6207xx) or a province (620000: 62xxxx).
 * Whatever lies outside it does not exist for that caller.
 */
public record RegionScope(String code) {

    private static final Pattern CODE = Pattern.compile("[1-9]\\d{5}");

    public RegionScope {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("A region is a 6-digit GB/T 2260 code, not " + code);
        }
    }

    /** The scope of a token's claim, or an {@link IllegalArgumentException} naming what is wrong. */
    public static RegionScope of(String claim) {
        return new RegionScope(claim == null ? null : claim.strip());
    }

    /** What every code inside this region starts with: 6 digits for a county, 4 for a city, 2 for a province. */
    public String prefix() {
        if (code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        if (code.endsWith("00")) {
            return code.substring(0, 4);
        }
        return code;
    }

    /** Whether the county, city or province {@code regionCode} lies inside this region. */
    public boolean covers(String regionCode) {
        return regionCode != null && regionCode.length() == 6 && regionCode.startsWith(prefix());
    }

    /**
     * Refuses a county outside this region where a request names it: a 400 naming {@code countyCode}.
     * (A resource outside it is not refused but not found: 404.)
     */
    public void requireCounty(String countyCode) {
        if (!covers(countyCode)) {
            throw new InvalidInputException("countyCode", "is outside your region " + code);
        }
    }

    /** A SQL {@code LIKE} pattern matching the codes this region covers. */
    public String likePattern() {
        return prefix() + "%";
    }
}
