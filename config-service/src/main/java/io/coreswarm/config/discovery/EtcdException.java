package io.coreswarm.config.discovery;

import io.coreswarm.api.discovery.EtcdError;

/**
 * A discovery-protocol outcome that etcd's client expects as an etcd v2 error body
 * (see {@link EtcdExceptionMapper}). Statuses follow etcd v2: 404 not found, 403 not a file,
 * 412 already exists, 400 otherwise.
 */
public class EtcdException extends RuntimeException {
    private final transient EtcdError error;
    private final int status;

    private EtcdException(int status, EtcdError error) {
        super(error.message() + " (" + error.cause() + ")");
        this.status = status;
        this.error = error;
    }

    public static EtcdException keyNotFound(String key, long index) {
        return new EtcdException(404, new EtcdError(EtcdError.KEY_NOT_FOUND, "Key not found", key, index));
    }

    public static EtcdException keyExists(String key, long index) {
        return new EtcdException(412, new EtcdError(EtcdError.KEY_EXISTS, "Key already exists", key, index));
    }

    public static EtcdException notAFile(String key, long index) {
        return new EtcdException(403, new EtcdError(EtcdError.NOT_A_FILE, "Not a file", key, index));
    }

    public static EtcdException notADirectory(String key, long index) {
        return new EtcdException(400, new EtcdError(EtcdError.NOT_A_DIRECTORY, "Not a directory", key, index));
    }

    public static EtcdException eventIndexCleared(long oldest, long requested, long index) {
        return new EtcdException(400, new EtcdError(EtcdError.EVENT_INDEX_CLEARED,
                "The event in requested index is outdated and cleared",
                "the requested history has been cleared [" + oldest + "/" + requested + "]", index));
    }

    public EtcdError error() {
        return error;
    }

    public int status() {
        return status;
    }
}
