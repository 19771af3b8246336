package io.ringlab.dashboard.http;

import io.ringlab.dashboard.config.DashboardProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The one HTTP client the dashboard talks to the services with. */
@Configuration(proxyBeanMethods = false)
class HttpClientConfiguration {

    /**
     * A few threads are enough: the client is asynchronous, and the work is one poll of every service a second
     * plus the odd control. (The default executor is an unbounded cached pool.)
     */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService serviceHttpExecutor() {
        return Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "service-http");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    HttpClient serviceHttpClient(DashboardProperties properties, ExecutorService serviceHttpExecutor) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.pollTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(serviceHttpExecutor)
                .build();
    }

    @Bean
    ServiceExchange serviceExchange(HttpClient serviceHttpClient, DashboardProperties properties) {
        return new ServiceExchange(serviceHttpClient, properties.maxBodySize().toBytes());
    }
}
