package dev.parley.cli;

/** Thrown by a command whose arguments are wrong; the message is printed as is and the exit code is 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
