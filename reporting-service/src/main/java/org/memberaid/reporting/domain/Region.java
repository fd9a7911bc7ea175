package org.memberaid.reporting.domain;

/** A GB/T 2260 region, seeded by migration: what county figures roll up to. */
public record Region(String code, String nameZh, String nameEn, String parentCode, String level) {

    public boolean isCounty() {
        return "COUNTY".equals(level);
    }
}
