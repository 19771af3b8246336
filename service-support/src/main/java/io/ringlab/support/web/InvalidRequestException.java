package io.ringlab.support.web;

/** A control request that cannot be carried out as sent; answered {@code 400} with this message as the detail. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String detail) {
        super(detail);
    }
}
