package dev.openfactor.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Node.js beside the Java system: a server the browser tests reach, or a {@code node --test} run whose result is asserted. */
final class NodeProcess implements AutoCloseable {

    private final Process process;

    private NodeProcess(Process process) {
        this.process = process;
    }

    /** Starts {@code node args...} in {@code dir} and waits until {@code url} answers 200. */
    static NodeProcess serve(Path dir, List<String> args, Map<String, String> env, Path log, String url) throws Exception {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command(args)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(env);
        NodeProcess server = new NodeProcess(builder.start());
        server.await(url, log);
        return server;
    }

    /** Runs {@code node args...} in {@code dir} to its end and returns what it printed (also echoed, prefixed). */
    static String run(Path dir, List<String> args, Map<String, String> env, Duration timeout, String label) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command(args)).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process node = builder.start();
        StringBuilder output = new StringBuilder();
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null;) {
                    System.out.println("[" + label + "] " + line);
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, label + "-output");
        pump.start();
        boolean ended = node.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            node.descendants().forEach(ProcessHandle::destroy);
            node.destroyForcibly();
        }
        pump.join(5000);
        String text;
        synchronized (output) {
            text = output.toString();
        }
        assertTrue(ended, "node " + String.join(" ", args) + " did not end within " + timeout + ":\n" + text);
        assertEquals(0, node.exitValue(), "node " + String.join(" ", args) + " failed:\n" + text);
        return text;
    }

    /** {@code node --test} in {@code dir}: every test passed, none skipped for want of the system. */
    static void test(Path dir, List<String> paths, Map<String, String> env, Duration timeout, String label) throws Exception {
        String text = run(dir, concat("--test", paths), env, timeout, label);
        assertTrue(text.contains("# fail 0"), "node reported its tests:\n" + text);
        assertTrue(text.contains("# skipped 0"), "a test was skipped:\n" + text);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void await(String url, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node exited with " + process.exitValue() + ": " + String.join("\n", readLines(log)));
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            ServiceProcess.pause(100);
        }
        close();
        throw new IllegalStateException("node did not answer on " + url + " within 20 s: " + String.join("\n", readLines(log)));
    }

    private static List<String> command(List<String> args) {
        return concat("node", args);
    }

    private static List<String> concat(String first, List<String> rest) {
        return Stream.concat(Stream.of(first), rest.stream()).toList();
    }

    private static List<String> readLines(Path log) {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            return List.of();
        }
    }
}
