package io.coreswarm.provisioner.vagrant;

/** A vagrant command that exited non-zero; the message is Vagrant's own error text. */
public class VagrantFailure extends RuntimeException {
    public VagrantFailure(String message) {
        super(message);
    }
}
