package org.memberaid.deploy.loadgen.members;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.memberaid.deploy.loadgen.csv.Csv;

/** Members as the CSV that members-service imports: RFC 4180, a header row, CRLF line ends. */
public final class MemberCsv {

    public static final List<String> HEADER = List.of(
            "nationalId", "name", "gender", "ethnicity", "phone", "countyCode", "township", "village",
            "partyBranch", "joinedPartyOn", "education", "laborCapacity", "annualIncome",
            "notableContribution", "hardshipStatus", "causes");

    /** The optional payee columns (docs/payments.md): both or neither on a row. */
    public static final List<String> PAYEE_HEADER = List.of("bankAccount", "accountHolder");

    /** Separates the causes inside their single field. */
    public static final String CAUSE_SEPARATOR = ";";

    private MemberCsv() {
    }

    public static String toCsv(List<SyntheticMember> members) {
        return write(members, HEADER, MemberCsv::fields);
    }

    /** The members with their payee details ({@link Payee#of}) in two more columns. */
    public static String toCsvWithPayees(List<SyntheticMember> members) {
        return write(members, concat(HEADER, PAYEE_HEADER), member -> {
            Payee payee = Payee.of(member);
            return concat(fields(member), List.of(payee.bankAccount(), payee.accountHolder()));
        });
    }

    /** The members with the business date of their registration in one more column, {@code registeredOn}. */
    public static String toCsvWithRegisteredOn(List<SyntheticMember> members, Function<SyntheticMember, LocalDate> registeredOn) {
        return write(members, concat(HEADER, List.of("registeredOn")),
                member -> concat(fields(member), List.of(registeredOn.apply(member).toString())));
    }

    private static String write(List<SyntheticMember> members, List<String> header, Function<SyntheticMember, List<String>> fields) {
        StringBuilder csv = new StringBuilder(members.size() * 240);
        Csv.appendRecord(csv, header);
        for (SyntheticMember member : members) {
            Csv.appendRecord(csv, fields.apply(member));
        }
        return csv.toString();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
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
}
