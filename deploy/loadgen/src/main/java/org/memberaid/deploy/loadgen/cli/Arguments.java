package org.memberaid.deploy.loadgen.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The options of one scenario run, with the scenario's defaults filled in. */
public final class Arguments {

    private final Map<String, String> values;

    private Arguments(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Reads {@code --name value} and {@code --name=value} pairs.
     *
     * @throws UsageException for an option the scenario does not declare, or one without a value
     */
    public static Arguments parse(List<String> args, List<OptionSpec> specs) {
        Map<String, OptionSpec> specsByName = new HashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (OptionSpec spec : specs) {
            specsByName.put(spec.name(), spec);
            if (spec.defaultValue() != null) {
                values.put(spec.name(), spec.defaultValue());
            }
        }
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException("option --" + name + " needs a value");
            }
            if (!specsByName.containsKey(name)) {
                throw new UsageException("unknown option --" + name);
            }
            values.put(name, value);
        }
        return new Arguments(values);
    }

    public String string(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new UsageException("option --" + name + " is required");
        }
        return value;
    }

    public Optional<String> optionalString(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public int positiveInt(String name) {
        int value = convert(name, Integer::parseInt, "a whole number");
        if (value <= 0) {
            throw new UsageException("option --" + name + " must be positive, not " + value);
        }
        return value;
    }

    public Duration duration(String name) {
        return convert(name, Durations::parse, "a duration such as 15s or 2m");
    }

    public Path path(String name) {
        return Path.of(string(name));
    }

    public Optional<Path> optionalPath(String name) {
        return optionalString(name).map(Path::of);
    }

    private <T> T convert(String name, Function<String, T> converter, String expected) {
        String value = string(name);
        try {
            return converter.apply(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("option --" + name + " must be " + expected + ", not '" + value + "'");
        }
    }
}
