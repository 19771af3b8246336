package io.ringlab.support.discovery;

/** DNS could not answer a discovery query; the message says why, in a few words. */
public class DiscoveryException extends Exception {

    public DiscoveryException(String message) {
        super(message);
    }

    public DiscoveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
