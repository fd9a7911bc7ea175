package org.memberaid.deploy.loadgen.scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.memberaid.deploy.loadgen.Scenario;
import org.memberaid.deploy.loadgen.cli.Arguments;
import org.memberaid.deploy.loadgen.cli.OptionSpec;
import org.memberaid.deploy.loadgen.members.MemberCsv;
import org.memberaid.deploy.loadgen.members.SyntheticMembers;

/** Only writes a CSV of synthetic members, sends nothing: for samples and for other tools. */
public final class CsvScenario implements Scenario {

    private static final String STANDARD_OUTPUT = "-";

    private static final OptionSpec MEMBERS = OptionSpec.of("members", "30", "rows in the CSV");
    private static final OptionSpec OUT = OptionSpec.of("out", STANDARD_OUTPUT, "file to write, - for standard output");

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String summary() {
        return "write a CSV of N synthetic members in the import format, without sending it";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(MEMBERS, OUT, CommonOptions.SEED);
    }

    @Override
    public int run(Arguments arguments, PrintStream out) throws IOException {
        int memberCount = arguments.positiveInt(MEMBERS.name());
        long seed = CommonOptions.seed(arguments);
        String csv = MemberCsv.toCsv(new SyntheticMembers(seed).next(memberCount));
        String target = arguments.string(OUT.name());
        if (target.equals(STANDARD_OUTPUT)) {
            out.print(csv);
            out.flush();
        } else {
            Files.writeString(Path.of(target), csv, StandardCharsets.UTF_8);
            out.printf(Locale.ROOT, "csv: %d members written to %s; seed %d (repeat with --seed %d)%n",
                    memberCount, target, seed, seed);
        }
        return SUCCESS;
    }
}
