package io.coreswarm.cli.exit;

/** What {@code coreswarm} exits with; documented in cli/README.md. */
public enum ExitCode {
    /** Done; for {@code --wait} and {@code logs -f}, the operation succeeded. */
    OK(0),
    /** The operation failed, was cancelled or interrupted; {@code validate} found errors; a server error. */
    FAILED(1),
    /** The command line, a file or the request was refused (bad flag, 400, 401, 413, 415). */
    USAGE(2),
    /** No such cluster or operation (404). */
    NOT_FOUND(3),
    /** The cluster runs another operation, exists already or is in the wrong state (409, 429). */
    CONFLICT(4),
    /** A service cannot be reached, or a service behind it cannot (502, 503). */
    UNREACHABLE(5);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The code for an HTTP error status. */
    public static ExitCode ofStatus(int status) {
        return switch (status) {
            case 400, 401, 403, 405, 413, 414, 415, 422, 431 -> USAGE;
            case 404 -> NOT_FOUND;
            case 409, 412, 429 -> CONFLICT;
            case 502, 503, 504 -> UNREACHABLE;
            default -> FAILED;
        };
    }
}
