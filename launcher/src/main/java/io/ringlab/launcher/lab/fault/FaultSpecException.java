package io.ringlab.launcher.lab.fault;

/** A fault that cannot be parsed or does not fit the lab; the message says why, for a person. */
public final class FaultSpecException extends RuntimeException {

    public FaultSpecException(String message) {
        super(message);
    }
}
