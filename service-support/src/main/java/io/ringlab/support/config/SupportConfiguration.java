package io.ringlab.support.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Registers what every RingLab service needs from this module. */
@AutoConfiguration
@Import(HostAndPortConverter.class)
public class SupportConfiguration {
}
