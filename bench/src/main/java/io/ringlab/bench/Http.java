package io.ringlab.bench;

import io.ringlab.model.status.ClientStatus;
import io.ringlab.model.status.StatusJson;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The services' REST endpoints: status JSON, and control requests with the cluster's credential. */
final class Http {

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String authorization;

    Http(String username, String password) {
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the URL answers 200. */
    boolean answers(String url) throws InterruptedException {
        return body(url) != null;
    }

    /** A load client's status, or {@code null} when it does not answer 200 with one. */
    ClientStatus clientStatus(String url) throws InterruptedException {
        String body = body(url);
        try {
            return body == null ? null : StatusJson.parse(body, ClientStatus.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String body(String url) throws InterruptedException {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** POSTs with the credential; returns the status code (-1 when the service does not answer). */
    int post(String url) throws InterruptedException {
        try {
            return client.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(5))
                                    .header("Authorization", authorization)
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
