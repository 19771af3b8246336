package io.ringlab.support.config;

import io.ringlab.protocol.HostAndPort;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Binds {@code host:port} and {@code [v6]:port} properties to {@link HostAndPort}. */
@Component
@ConfigurationPropertiesBinding
public class HostAndPortConverter implements Converter<String, HostAndPort> {

    @Override
    public HostAndPort convert(String source) {
        return HostAndPort.parse(source);
    }
}
