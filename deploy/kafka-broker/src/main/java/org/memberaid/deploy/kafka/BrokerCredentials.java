package org.memberaid.deploy.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;

/**
 * The passwords of the broker's SCRAM users, one file per user ({@code <dir>/<user>}, mode 600, in a
 * directory of mode 700). They are generated when a data directory is first formatted, which is when
 * the broker learns them; they never leave the machine's data directory.
 */
public final class BrokerCredentials {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int PASSWORD_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    public BrokerCredentials(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** The credentials of the broker whose data directory is {@code dataDir}. */
    public static BrokerCredentials ofDataDir(Path dataDir) {
        return new BrokerCredentials(dataDir.resolve("credentials"));
    }

    public Path directory() {
        return directory;
    }

    public Path file(String user) {
        return directory.resolve(user);
    }

    /** @throws IllegalStateException when the user's file is missing or unreadable */
    public String password(String user) {
        try {
            return Files.readString(file(user)).trim();
        } catch (IOException e) {
            throw new IllegalStateException("No password for Kafka user " + user + " in " + file(user)
                    + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    public KafkaLogin login(String bootstrapServers, String user) {
        return new KafkaLogin(bootstrapServers, user, password(user));
    }

    boolean hasAll(List<String> users) {
        return users.stream().allMatch(user -> Files.isReadable(file(user)));
    }

    /** Gives each user without a password file a new random password. */
    void createMissing(List<String> users) {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            for (String user : users) {
                if (!Files.exists(file(user))) {
                    write(file(user), newPassword());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Kafka users' passwords into " + directory, e);
        }
    }

    /** Created with mode 600 before anything is written, so the password is never readable by others. */
    static void writePrivately(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        write(file, text);
    }

    private static void write(Path file, String text) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            throw new IOException(file + " appeared while being written", e);
        }
        Files.writeString(file, text);
    }

    private static String newPassword() {
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
