package dev.openfactor.notification.testdata;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A local HTTP server (JDK) that records every request and answers through a script. */
public final class HttpStandIn {

    public record Request(String method, String path, String authorization, String contentType, String body) {
    }

    public record Reply(int status, String json) {
    }

    @FunctionalInterface
    public interface Script {
        Reply answer(Request request);
    }

    private final HttpServer server;
    private final List<Request> received = new CopyOnWriteArrayList<>();

    public HttpStandIn(Script script) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> handle(exchange, script));
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    private void handle(HttpExchange exchange, Script script) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type"), body);
        received.add(request);
        Reply reply = script.answer(request);
        byte[] out = reply.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> received() {
        return received;
    }

    public void stop() {
        server.stop(0);
    }
}
