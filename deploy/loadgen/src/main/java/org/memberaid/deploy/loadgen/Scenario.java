package org.memberaid.deploy.loadgen;

import java.io.PrintStream;
import java.util.List;
import org.memberaid.deploy.loadgen.cli.Arguments;
import org.memberaid.deploy.loadgen.cli.OptionSpec;

/** One kind of load the generator can apply; {@link LoadGenerator} lists them by {@link #name()}. */
public interface Scenario {

    /** Exit status of a run whose every request got the expected answer. */
    int SUCCESS = 0;
    /** Exit status of a run that completed but saw unexpected answers or lost events. */
    int FAILURE = 1;

    /** The word that selects the scenario on the command line. */
    String name();

    /** One line for the list of scenarios. */
    String summary();

    /** The options the scenario accepts; any other option is a usage error. */
    List<OptionSpec> options();

    /** Runs the scenario, prints its report to {@code out} and returns the process exit status. */
    int run(Arguments arguments, PrintStream out) throws Exception;
}
