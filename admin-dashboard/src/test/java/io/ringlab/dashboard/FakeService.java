package io.ringlab.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A stand-in for a RingLab service's REST API on a free loopback port: answers each {@code METHOD path} with a
 * canned status and JSON body, and records every request it gets.
 */
final class FakeService implements AutoCloseable {

    record Answer(int status, String contentType, String body) {}

    record Received(String method, String path, String authorization, String body, String operator) {}

    private final HttpServer server;
    private final Map<String, Function<String, Answer>> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    FakeService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers {@code "GET /api/status"} and the like with this status and JSON body. */
    FakeService answer(String request, int status, String json) {
        return answer(request, status, status >= 400 ? "application/problem+json" : "application/json", json);
    }

    FakeService answer(String request, int status, String contentType, String body) {
        Answer answer = new Answer(status, contentType, body);
        return answer(request, requestBody -> answer);
    }

    /** Answers {@code "POST /api/faults"} and the like as {@code answer} says for the request's body. */
    FakeService answer(String request, Function<String, Answer> answer) {
        answers.put(request, answer);
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received(String method, String path) {
        return received.stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .toList();
    }

    List<Received> receivedExcept(String method) {
        return received.stream().filter(r -> !r.method().equals(method)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(
                method,
                path,
                exchange.getRequestHeaders().getFirst("Authorization"),
                body,
                exchange.getRequestHeaders().getFirst("X-RingLab-Operator")));
        Answer answer = answers.getOrDefault(
                        method + " " + path,
                        any -> new Answer(
                                404, "application/problem+json", "{\"status\": 404, \"detail\": \"no such endpoint\"}"))
                .apply(body);
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
