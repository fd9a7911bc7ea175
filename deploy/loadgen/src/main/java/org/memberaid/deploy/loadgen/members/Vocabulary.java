package org.memberaid.deploy.loadgen.members;

import java.util.List;

/** The words synthetic members are made of. */
final class Vocabulary {

    static final List<String> SURNAMES = List.of(
            "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "胡", "朱",
            "郭", "何", "罗", "高", "林", "郑", "梁", "谢", "唐", "许", "冯", "宋", "韩", "邓", "彭",
            "曹", "曾", "田", "于", "萧", "潘", "袁", "董", "叶", "杜", "丁", "蒋", "程", "余", "吕",
            "魏", "蔡", "苏", "任", "卢", "沈", "姜", "姚", "钟", "崔", "陆", "谭", "汪", "石", "安");

    /** Two-character surnames, the only way a name reaches four characters. */
    static final List<String> COMPOUND_SURNAMES = List.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫");

    /** Given-name characters are chosen by gender, as parents mostly do. */
    static final List<String> MALE_GIVEN_NAME_CHARACTERS = List.of(
            "文", "明", "国", "建", "军", "平", "志", "海", "林", "生", "金", "德", "福", "荣", "成",
            "强", "伟", "勇", "忠", "宝", "兴", "祥", "学", "永", "贵", "有", "才", "发", "清", "正",
            "新", "东", "维", "刚", "斌", "涛", "鹏", "辉");

    static final List<String> FEMALE_GIVEN_NAME_CHARACTERS = List.of(
            "秀", "英", "华", "春", "兰", "芳", "玉", "红", "桂", "珍", "丽", "霞", "梅", "凤", "玲",
            "琴", "云", "莲", "静", "敏", "燕", "娟", "萍", "艳", "花", "翠", "雪", "慧", "婷", "琳");

    static final List<String> VILLAGES = List.of(
            "清凉寺村", "五里墩村", "红沙窝村", "新建村", "东湾村", "西湖村", "马家庄村", "李家寨村",
            "上寨村", "下寨村", "红星村", "永丰村", "新华村", "团结村", "胜利村", "光明村", "三十里店村",
            "花寨村", "沙湾村", "河西村", "大寨村", "小屯村", "南关村", "北滩村");

    static final Weighted<String> ETHNICITIES = new Weighted<String>()
            .add(90, "汉族")
            .add(4, "回族")
            .add(3, "裕固族")
            .add(3, "藏族");

    private Vocabulary() {
    }
}
