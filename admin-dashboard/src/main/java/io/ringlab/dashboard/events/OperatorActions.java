package io.ringlab.dashboard.events;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.security.Principal;
import java.time.Clock;

/**
 * Every control given through the dashboard ({@code /api/control/**}, the lab's faults) is an event once answered:
 * who gave it, from where, what, and the answer's status. Refused ones too (a 4xx says so): the story includes tries.
 */
@Configuration(proxyBeanMethods = false)
class OperatorActions implements WebMvcConfigurer {

    private final EventLog log;
    private final Clock clock = Clock.systemUTC();

    OperatorActions(EventLog log) {
        this.log = log;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                        Exception failure) {
                if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
                    return;
                }
                Principal person = request.getUserPrincipal();
                if (person == null) {
                    return; // refused before sign-in: nobody acted
                }
                String path = request.getRequestURI();
                String action = path.replaceFirst("^/api/(control/)?", "");
                String[] parts = action.split("/");
                String source = parts.length > 1 ? parts[1] : parts[0];
                log.add(ClusterEvent.of(clock.millis(), EventKind.OPERATOR, source,
                        request.getMethod() + " " + action + " → " + response.getStatus())
                        .by(person.getName() + " (from " + request.getRemoteAddr() + ")"));
            }
        }).addPathPatterns("/api/control/**", "/api/lab/faults", "/api/lab/faults/**");
    }
}
