package io.ringlab.support.cluster;

import io.ringlab.protocol.auth.ClusterKeyring;
import io.ringlab.protocol.auth.FrameAuthenticator;
import io.ringlab.protocol.auth.FrameSealer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.security.SecureRandom;

/**
 * Cluster membership for the services that are members (ring servers and agents; clients and the dashboard are
 * not): the key ring, the sealer of what this process sends (its incarnation drawn from a {@link SecureRandom}),
 * and the authenticator of what it receives. Imported by the member services.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
public class ClusterAuthConfiguration {

    private static final Log log = LogFactory.getLog(ClusterAuthConfiguration.class);

    @Bean
    ClusterKeyring clusterKeyring(ClusterProperties properties) {
        ClusterKeyring keyring = new ClusterKeyring(properties.keys());
        if (properties.insecure()) {
            log.warn("ringlab.cluster.insecure=true: messages between members are sealed under a well-known key;"
                    + " anybody on the network can forge them (ring elections, server states, health checks)");
        }
        return keyring;
    }

    @Bean
    @ConditionalOnProperty("ringlab.cluster.key-file")
    ClusterKeyFileWatcher clusterKeyFileWatcher(ClusterProperties properties, ClusterKeyring keyring)
            throws IOException {
        return new ClusterKeyFileWatcher(
                new ClusterKeyFile(properties.keyFile(), keyring),
                properties.keyFileCheck().toMillis());
    }

    @Bean
    ClusterController clusterController(ClusterKeyring keyring, ClusterProperties properties, FrameSealer frameSealer) {
        return new ClusterController(keyring, properties, frameSealer);
    }

    @Bean
    FrameSealer frameSealer(ClusterKeyring keyring, SecureRandom secureRandom) {
        return new FrameSealer(keyring, secureRandom.nextLong());
    }

    @Bean
    FrameAuthenticator frameAuthenticator(ClusterKeyring keyring, ClusterProperties properties) {
        return new FrameAuthenticator(keyring, properties.replaySenders());
    }

    /** Incarnations, election values and tokens, request ids: nothing an observer can predict. */
    @Bean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }
}
