package org.memberaid.members.service;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.memberaid.problems.InvalidInputException;
import org.memberaid.members.domain.MemberInput;

/**
 * Reads the registry's CSV format (RFC 4180, UTF-8, a header row naming the columns, in any
 * order): the fields of a JSON registration, with {@code causes} separated by semicolons, and the
 * payee details in the columns {@code bankAccount} and {@code accountHolder} (docs/payments.md).
 */
public final class MemberCsv {

    public static final List<String> COLUMNS = List.of("nationalId", "name", "gender", "ethnicity", "phone",
            "countyCode", "township", "village", "partyBranch", "joinedPartyOn", "registeredOn", "education",
            "laborCapacity", "annualIncome", "notableContribution", "hardshipStatus", "causes", "bankAccount",
            "accountHolder");
    public static final List<String> REQUIRED_COLUMNS = List.of("nationalId", "name", "countyCode", "joinedPartyOn",
            "laborCapacity", "annualIncome");

    /** A parsed row, with the line it starts on. */
    public record Row(long line, MemberInput input) {
    }

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private MemberCsv() {
    }

    /**
     * Reads the rows one at a time, so a census of any size is held in memory a chunk at a time.
     * The header is checked before the first row is handed over.
     */
    public static void read(Reader csv, Consumer<Row> each) {
        try (MappingIterator<Map<String, String>> rows = MAPPER.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(csv)) {
            boolean headerChecked = false;
            while (rows.hasNextValue()) {
                long line = rows.getCurrentLocation().getLineNr();
                Map<String, String> row = rows.nextValue();
                if (!headerChecked) {
                    checkHeader(rows.getParserSchema());
                    headerChecked = true;
                }
                each.accept(toRow(line, row));
            }
        } catch (IOException e) {
            throw new InvalidInputException("body", "is not readable CSV: " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof InvalidInputException) {
                throw e;
            }
            throw new InvalidInputException("body", "is not readable CSV: " + e.getMessage());
        }
    }

    private static void checkHeader(Object schema) {
        Set<String> header = new LinkedHashSet<>();
        ((CsvSchema) schema).forEach(column -> header.add(column.getName()));
        List<String> unknown = header.stream().filter(name -> !COLUMNS.contains(name)).toList();
        List<String> missing = REQUIRED_COLUMNS.stream().filter(name -> !header.contains(name)).toList();
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            throw new InvalidInputException("header", (unknown.isEmpty() ? "" : "unknown columns " + unknown + "; ")
                    + (missing.isEmpty() ? "" : "missing columns " + missing + "; ") + "expected columns " + COLUMNS);
        }
    }

    private static Row toRow(long line, Map<String, String> row) {
        String causes = row.get("causes");
        return new Row(line, new MemberInput(row.get("nationalId"), row.get("name"), row.get("gender"),
                row.get("ethnicity"), row.get("phone"), row.get("countyCode"), row.get("township"),
                row.get("village"), row.get("partyBranch"), row.get("joinedPartyOn"), row.get("registeredOn"),
                row.get("education"),
                row.get("laborCapacity"), row.get("annualIncome"), row.get("notableContribution"),
                row.get("hardshipStatus"), causes == null || causes.isBlank() ? List.of()
                        : Arrays.stream(causes.split(";")).map(String::strip).toList(),
                row.get("bankAccount"), row.get("accountHolder")));
    }

}
