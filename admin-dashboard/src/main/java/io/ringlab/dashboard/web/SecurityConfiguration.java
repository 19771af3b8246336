package io.ringlab.dashboard.web;

import io.ringlab.dashboard.config.ClusterCredential;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A person signs in (form login, session cookie) with the cluster's credential before the page, its data or any
 * control is served; only the sign-in page, its assets, the session endpoint, health and the error page (so that a
 * refusal reads as itself, not as a redirect to the sign-in page) are open. Every POST and
 * PUT of the page carries the session's CSRF token. The API answers 401 rather than redirecting to the sign-in
 * page, so the page's scripts can tell that the session has ended.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain dashboardSecurity(HttpSecurity http) throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/login.html", "/css/**", "/js/login.js", "/api/session",
                                "/actuator/health/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?signed-out"))
                // the first is the default: whatever is not the API sends a person to the sign-in page
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                new NegatedRequestMatcher(api))
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
