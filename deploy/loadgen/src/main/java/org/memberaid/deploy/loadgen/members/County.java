package org.memberaid.deploy.loadgen.members;

import java.util.List;

/**
 * The six county-level divisions of Zhangye, with a few of their real townships. The weights follow
 * the counties' populations roughly, so that Ganzhou, the city district, has the most members.
 */
enum County {
    GANZHOU("620702", 40, List.of("梁家墩镇", "上秦镇", "大满镇", "沙井镇", "党寨镇", "碱滩镇", "三闸镇", "乌江镇", "甘浚镇", "新墩镇")),
    SUNAN("620721", 4, List.of("红湾寺镇", "皇城镇", "康乐镇", "马蹄藏族乡", "大河乡", "明花乡")),
    MINLE("620722", 18, List.of("洪水镇", "六坝镇", "新天镇", "南丰镇", "民联镇", "三堡镇", "顺化镇")),
    LINZE("620723", 12, List.of("沙河镇", "新华镇", "蓼泉镇", "平川镇", "板桥镇", "鸭暖镇", "倪家营镇")),
    GAOTAI("620724", 12, List.of("城关镇", "宣化镇", "南华镇", "巷道镇", "合黎镇", "骆驼城镇", "新坝镇", "黑泉镇", "罗城镇")),
    SHANDAN("620725", 14, List.of("清泉镇", "位奇镇", "霍城镇", "陈户镇", "大马营镇", "东乐镇", "老军乡", "李桥乡"));

    final String code;
    final double weight;
    final List<String> townships;

    County(String code, double weight, List<String> townships) {
        this.code = code;
        this.weight = weight;
        this.townships = townships;
    }
}
