package io.ringlab.support.config;

/**
 * A configuration value that binds but makes no sense together with the others (a ring whose own address
 * is not among its peers, timers in the wrong order). Reported as one line naming the property.
 */
public class InvalidPropertyException extends IllegalArgumentException {

    private final String property;

    public InvalidPropertyException(String property, String message) {
        super(property + ": " + message);
        this.property = property;
    }

    public InvalidPropertyException(String property, String message, Throwable cause) {
        super(property + ": " + message, cause);
        this.property = property;
    }

    public String property() {
        return property;
    }
}
