package io.ringlab.support.config;

import io.ringlab.support.transport.UdpSockets.UdpBindException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

import java.util.stream.Collectors;

/**
 * Turns a configuration failure into one line that names the property, its value and what is wrong,
 * e.g. {@code Invalid configuration: ringlab.agent.client-port=70000: must be less than or equal to 65535}.
 * Runs before Spring Boot's own analyzers, whose output spans many lines.
 */
public class ConfigurationErrorAnalyzer extends AbstractFailureAnalyzer<Throwable> implements Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, Throwable cause) {
        String line = describe(rootFailure);
        return line == null ? null : new FailureAnalysis(line, "Correct that property and start again.", rootFailure);
    }

    String describe(Throwable failure) {
        BindValidationException validation = findCause(failure, BindValidationException.class);
        if (validation != null) {
            return "Invalid configuration: "
                    + validation.getValidationErrors().getAllErrors().stream()
                            .map(ConfigurationErrorAnalyzer::describe)
                            .collect(Collectors.joining("; "));
        }
        UdpBindException bind = findCause(failure, UdpBindException.class);
        if (bind != null) {
            return "Invalid configuration: " + bind.getMessage();
        }
        InvalidPropertyException invalid = findCause(failure, InvalidPropertyException.class);
        if (invalid != null) {
            return "Invalid configuration: " + invalid.getMessage();
        }
        BindException binding = findCause(failure, BindException.class);
        if (binding != null) {
            ConfigurationProperty property = binding.getProperty();
            String name = property != null
                    ? property.getName().toString()
                    : binding.getName().toString();
            String value = property != null ? "=" + property.getValue() : "";
            return "Invalid configuration: " + name + value + ": " + rootMessage(binding);
        }
        return null;
    }

    private static String describe(ObjectError error) {
        if (error instanceof FieldError field) {
            Object value = field.getRejectedValue();
            return field.getObjectName() + "." + kebabCase(field.getField()) + "="
                    + (value == null ? "(not set)" : value) + ": " + field.getDefaultMessage();
        }
        return error.getObjectName() + ": " + error.getDefaultMessage();
    }

    /** {@code udp.maxDatagramSize} as it is written in configuration: {@code udp.max-datagram-size}. */
    static String kebabCase(String fieldPath) {
        StringBuilder out = new StringBuilder(fieldPath.length() + 4);
        for (char c : fieldPath.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
