package io.ringlab.support.security;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The control plane's access rule, the same in every RingLab service: reading is open (status, ring, Actuator's
 * health, info and prometheus), every other request needs HTTP Basic credentials of the one operator
 * ({@code ringlab.security.*}). Without them, or with wrong ones, the answer is {@code 401} with a
 * {@code WWW-Authenticate} challenge and the request is not handled at all. Stateless: no session and no
 * cookie, so CSRF protection, which guards cookie-based sessions, has nothing to protect and is off; what a
 * browser holding cached Basic credentials could still be made to send from another site is refused with
 * {@code 403} by the {@link CrossSiteRequestFilter}. An address that gives wrong credentials too often is answered
 * {@code 429} for a while ({@link CredentialThrottle}, {@code ringlab.security.throttle.*}).
 *
 * <p>In the filter chain: the cross-site check, then the throttle, then the Basic filter that checks credentials.
 */
@AutoConfiguration(
        before = {
            ManagementWebSecurityAutoConfiguration.class,
            ServletWebSecurityAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
@EnableWebSecurity
@EnableConfigurationProperties(ControlPlaneSecurityProperties.class)
public class ControlPlaneSecurityConfiguration {

    @Bean
    OperatorCredentials operatorCredentials(ControlPlaneSecurityProperties properties) {
        return OperatorCredentials.from(properties);
    }

    @Bean
    OperatorAuthenticationProvider operatorAuthenticationProvider(OperatorCredentials credentials) {
        return new OperatorAuthenticationProvider(credentials);
    }

    @Bean
    CredentialThrottle credentialThrottle(ControlPlaneSecurityProperties properties) {
        return properties.throttle().newThrottle(System::nanoTime);
    }

    @Bean
    SecurityFilterChain controlPlaneFilterChain(
            HttpSecurity http, OperatorAuthenticationProvider provider, CredentialThrottle throttle) throws Exception {
        var entryPoint = new ProblemAuthenticationEntryPoint();
        // the chain's own manager, so that the outcome of every credential check reaches the throttle
        var authentication = new ProviderManager(provider);
        authentication.setAuthenticationEventPublisher(new CredentialThrottleRecorder(throttle));
        return http.authenticationManager(authentication)
                .addFilterBefore(new CrossSiteRequestFilter(), BasicAuthenticationFilter.class)
                .addFilterAfter(
                        new CredentialThrottleFilter(throttle, CredentialThrottleFilter.basicCredentials()),
                        CrossSiteRequestFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // an error page rendered for a request that was already let through
                        .dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET)
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD)
                        .permitAll()
                        .requestMatchers(HttpMethod.OPTIONS)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic ->
                        basic.realmName(ProblemAuthenticationEntryPoint.REALM).authenticationEntryPoint(entryPoint))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .build();
    }
}
