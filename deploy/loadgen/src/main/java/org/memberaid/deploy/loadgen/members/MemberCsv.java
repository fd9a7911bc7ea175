package org.memberaid.deploy.loadgen.members;

import java.util.List;
import java.util.stream.Collectors;

/** Members as the CSV that members-service imports: RFC 4180, a header row, CRLF line ends. */
public final class MemberCsv {

    public static final List<String> HEADER = List.of(
            "nationalId", "name", "gender", "ethnicity", "phone", "countyCode", "township", "village",
            "partyBranch", "joinedPartyOn", "education", "laborCapacity", "annualIncome",
            "notableContribution", "hardshipStatus", "causes");

    /** Separates the causes inside their single field. */
    public static final String CAUSE_SEPARATOR = ";";

    private static final String LINE_END = "\r\n";

    private MemberCsv() {
    }

    public static String toCsv(List<SyntheticMember> members) {
        StringBuilder csv = new StringBuilder(members.size() * 200);
        appendRecord(csv, HEADER);
        for (SyntheticMember member : members) {
            appendRecord(csv, fields(member));
        }
        return csv.toString();
    }

    static List<String> fields(SyntheticMember member) {
        return List.of(
                member.nationalId(),
                member.name(),
                member.gender().name(),
                member.ethnicity(),
                member.phone(),
                member.countyCode(),
                member.township(),
                member.village(),
                member.partyBranch(),
                member.joinedPartyOn().toString(),
                member.education().name(),
                member.laborCapacity().name(),
                member.annualIncome().toPlainString(),
                String.valueOf(member.notableContribution()),
                member.hardshipStatus().name(),
                member.causes().stream().map(Enum::name).collect(Collectors.joining(CAUSE_SEPARATOR)));
    }

    static void appendRecord(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(escape(fields.get(i)));
        }
        csv.append(LINE_END);
    }

    /** Quotes a field holding a comma, a quote or a line break, doubling its quotes (RFC 4180, 2.6–2.7). */
    static String escape(String field) {
        boolean needsQuotes = field.indexOf(',') >= 0 || field.indexOf('"') >= 0
                || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
        return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
