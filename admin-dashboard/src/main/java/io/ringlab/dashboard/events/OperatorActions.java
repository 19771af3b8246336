package io.ringlab.dashboard.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.ringlab.dashboard.cluster.ClusterPoller;
import io.ringlab.dashboard.cluster.ClusterView;
import io.ringlab.dashboard.cluster.ServiceView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every control given through the dashboard ({@code /api/control/**}, the lab's faults) is an event once answered:
 * who gave it, from where, what, and the answer's status. Refused ones too (a 4xx says so): the story includes tries.
 * Each is also counted for Prometheus ({@link OperatorActionCounter}).
 */
@Configuration(proxyBeanMethods = false)
class OperatorActions implements WebMvcConfigurer {

    private final EventLog log;
    private final OperatorActionCounter counter;
    private final Clock clock = Clock.systemUTC();

    OperatorActions(EventLog log, MeterRegistry registry, ClusterPoller poller) {
        this.log = log;
        this.counter = new OperatorActionCounter(registry, name -> watched(poller.latest(), name));
    }

    private static boolean watched(ClusterView view, String name) {
        return Stream.of(view.servers(), view.agents(), view.clients())
                .flatMap(List::stream)
                .map(ServiceView::name)
                .anyMatch(name::equals);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public void afterCompletion(
                            HttpServletRequest request,
                            HttpServletResponse response,
                            Object handler,
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
                        log.add(ClusterEvent.of(
                                        clock.millis(),
                                        EventKind.OPERATOR,
                                        source,
                                        request.getMethod() + " " + action + " → " + response.getStatus())
                                .by(person.getName() + " (from " + request.getRemoteAddr() + ")"));
                        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
                        @SuppressWarnings("unchecked")
                        Map<String, String> variables = (Map<String, String>)
                                request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
                        counter.count(
                                pattern == null ? null : pattern.toString(),
                                variables == null ? Map.of() : variables,
                                person.getName(),
                                response.getStatus());
                    }
                })
                .addPathPatterns("/api/control/**", "/api/lab/faults", "/api/lab/faults/**");
    }
}
