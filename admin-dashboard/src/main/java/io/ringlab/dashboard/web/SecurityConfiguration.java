package io.ringlab.dashboard.web;

import io.ringlab.dashboard.config.ClusterCredential;
import io.ringlab.support.security.ControlPlaneSecurityProperties;
import io.ringlab.support.security.CredentialThrottle;
import io.ringlab.support.security.CredentialThrottleFilter;
import io.ringlab.support.security.CredentialThrottleRecorder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A person signs in (form login, session cookie) with the cluster's credential before the page, its data or any
 * control is served; only the sign-in page, its assets, the session endpoint, health and the error page (so that a
 * refusal reads as itself, not as a redirect to the sign-in page) are open. Every POST and
 * PUT of the page carries the session's CSRF token. The API answers 401 rather than redirecting to the sign-in
 * page, so the page's scripts can tell that the session has ended. An address that signs in with a wrong user
 * name or password too often is answered 429 for a while, as the services answer wrong Basic credentials
 * ({@code ringlab.security.throttle.*}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ControlPlaneSecurityProperties.class)
class SecurityConfiguration {

    @Bean
    CredentialThrottle signInThrottle(ControlPlaneSecurityProperties properties) {
        return properties.throttle().newThrottle(System::nanoTime);
    }

    @Bean
    SecurityFilterChain dashboardSecurity(
            HttpSecurity http, UserDetailsService users, PasswordEncoder encoder, CredentialThrottle throttle)
            throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        RequestMatcher signIn = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");
        var provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        // the chain's own manager, so that the outcome of every sign-in reaches the throttle
        var authentication = new ProviderManager(provider);
        authentication.setAuthenticationEventPublisher(new CredentialThrottleRecorder(throttle));
        http.authenticationManager(authentication)
                .addFilterBefore(
                        new CredentialThrottleFilter(throttle, signIn), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login",
                                "/login.html",
                                "/css/**",
                                "/js/login.js",
                                "/api/session",
                                "/actuator/health/**",
                                "/actuator/prometheus",
                                "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form ->
                        form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?signed-out"))
                // the first is the default: whatever is not the API sends a person to the sign-in page
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), new NegatedRequestMatcher(api))
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The one user: the cluster credential, the password kept only as a hash. */
    @Bean
    UserDetailsService clusterUser(ClusterCredential credential, PasswordEncoder encoder) {
        return new InMemoryUserDetailsManager(User.withUsername(credential.username())
                .password(encoder.encode(credential.password()))
                .roles("ADMIN")
                .build());
    }
}
