package org.memberaid.deploy.loadgen.cli;

/**
 * An option a scenario accepts, written {@code --name value}.
 *
 * @param defaultValue the value when the option is absent, or {@code null} when it has none
 */
public record OptionSpec(String name, String defaultValue, String description) {

    public static OptionSpec of(String name, String defaultValue, String description) {
        return new OptionSpec(name, defaultValue, description);
    }

    /** An option that is absent unless given. */
    public static OptionSpec optional(String name, String description) {
        return new OptionSpec(name, null, description);
    }
}
