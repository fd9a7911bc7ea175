package org.memberaid.deploy.loadgen.demo;

import java.math.BigDecimal;
import java.util.List;

/**
 * A county of the Zhangye 2015 demo with its fixed figures: the census's members and members in
 * difficulty (their sums are the article's 88,986 and 4,386), and the amount of its 2015 living
 * subsidy cycle.
 */
public record DemoCounty(String code, String nameZh, int members, int inDifficulty, BigDecimal livingSubsidy) {

    /** Zhangye's six counties, the city district first; the splits are documented in deploy/loadgen/README.md. */
    public static final List<DemoCounty> ALL = List.of(
            new DemoCounty("620702", "甘州区", 33_512, 1_402, new BigDecimal("500.00")),
            new DemoCounty("620721", "肃南裕固族自治县", 3_218, 231, new BigDecimal("500.00")),
            new DemoCounty("620722", "民乐县", 14_305, 812, new BigDecimal("400.00")),
            new DemoCounty("620723", "临泽县", 12_046, 587, new BigDecimal("400.00")),
            new DemoCounty("620724", "高台县", 12_874, 664, new BigDecimal("300.00")),
            new DemoCounty("620725", "山丹县", 13_031, 690, new BigDecimal("300.00")));

    public static final String CITY = "620700";
    public static final String SUNAN = "620721";
    public static final String SHANDAN = "620725";

    static int[] inDifficultyWeights() {
        return ALL.stream().mapToInt(DemoCounty::inDifficulty).toArray();
    }
}
