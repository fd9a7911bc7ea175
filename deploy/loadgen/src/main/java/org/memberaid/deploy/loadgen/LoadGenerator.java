package org.memberaid.deploy.loadgen;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.memberaid.deploy.loadgen.cli.AccessTokens;
import org.memberaid.deploy.loadgen.cli.Arguments;
import org.memberaid.deploy.loadgen.cli.OptionSpec;
import org.memberaid.deploy.loadgen.cli.UsageException;
import org.memberaid.deploy.loadgen.demo.DemoScenario;
import org.memberaid.deploy.loadgen.scenario.CsvScenario;
import org.memberaid.deploy.loadgen.scenario.CycleScenario;
import org.memberaid.deploy.loadgen.scenario.ImportScenario;
import org.memberaid.deploy.loadgen.scenario.PaymentsScenario;
import org.memberaid.deploy.loadgen.scenario.RegisterScenario;
import org.memberaid.deploy.loadgen.scenario.BacklogScenario;
import org.memberaid.deploy.loadgen.scenario.FreshnessScenario;
import org.memberaid.deploy.loadgen.scenario.ReliefScenario;
import org.memberaid.deploy.loadgen.scenario.ReportsScenario;
import org.memberaid.deploy.loadgen.system.FailoverScenario;
import org.memberaid.deploy.loadgen.system.SystemTestScenario;

/**
 * Applies one scenario of load to the running system and prints what it measured.
 * Usage: {@code deploy/loadgen.sh <scenario> [options]}; exit status 0 when every request got the
 * expected answer, 1 when some did not, 2 for a usage error.
 */
public final class LoadGenerator {

    static final int USAGE_ERROR = 2;
    private static final String COMMAND = "deploy/loadgen.sh";
    private static final Set<String> HELP = Set.of("-h", "--help", "help");

    private final List<Scenario> scenarios;

    LoadGenerator(List<Scenario> scenarios) {
        this.scenarios = scenarios;
    }

    public static void main(String[] args) {
        // The reports hold Chinese names and the csv scenario writes UTF-8 whatever the locale.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        AccessTokens tokens = AccessTokens.fromEnvironment();
        LoadGenerator generator = new LoadGenerator(List.of(new RegisterScenario(tokens), new ImportScenario(tokens),
                new CsvScenario(), new ReliefScenario(tokens), new ReportsScenario(tokens), new BacklogScenario(tokens),
                new FreshnessScenario(tokens), new CycleScenario(tokens), new PaymentsScenario(tokens),
                new DemoScenario(tokens), new SystemTestScenario(tokens), new FailoverScenario(tokens)));
        System.exit(generator.run(args, out, err));
    }

    int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            printUsage(err);
            return USAGE_ERROR;
        }
        if (HELP.contains(args[0])) {
            printUsage(out);
            return Scenario.SUCCESS;
        }
        Optional<Scenario> found = scenarios.stream().filter(scenario -> scenario.name().equals(args[0])).findFirst();
        if (found.isEmpty()) {
            err.println("Unknown scenario '" + args[0] + "'.");
            printUsage(err);
            return USAGE_ERROR;
        }
        Scenario scenario = found.get();
        List<String> options = Arrays.asList(args).subList(1, args.length);
        if (options.stream().anyMatch(HELP::contains)) {
            printUsage(scenario, out);
            return Scenario.SUCCESS;
        }
        try {
            return scenario.run(Arguments.parse(options, scenario.options()), out);
        } catch (UsageException e) {
            err.println(COMMAND + " " + scenario.name() + ": " + e.getMessage());
            printUsage(scenario, err);
            return USAGE_ERROR;
        } catch (AccessTokens.MissingTokenException e) {
            err.println(COMMAND + " " + scenario.name() + ": " + e.getMessage());
            return Scenario.FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Interrupted");
            return Scenario.FAILURE;
        } catch (Exception e) {
            err.println(COMMAND + " " + scenario.name() + " failed: " + e);
            e.printStackTrace(err);
            return Scenario.FAILURE;
        }
    }

    private void printUsage(PrintStream stream) {
        stream.println("Usage: " + COMMAND + " <scenario> [options]   (" + COMMAND + " <scenario> --help for its options)");
        stream.println("Scenarios:");
        for (Scenario scenario : scenarios) {
            stream.printf("  %-10s %s%n", scenario.name(), scenario.summary());
        }
    }

    private static void printUsage(Scenario scenario, PrintStream stream) {
        stream.println("Usage: " + COMMAND + " " + scenario.name() + " [options]");
        stream.println("  " + scenario.summary());
        stream.println("Options:");
        for (OptionSpec option : scenario.options()) {
            String defaultValue = option.defaultValue() == null ? "" : " (default " + option.defaultValue() + ")";
            stream.printf("  --%-20s %s%s%n", option.name() + " VALUE", option.description(), defaultValue);
        }
    }
}
