package dev.openfactor.bench;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One service started from its packaged jar, as {@code ./openfactor up} starts it. */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final long startedNanos;

    private ServiceProcess(String name, int port, Process process, long startedNanos) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> env, Path log) {
        return launch(name, jar, port, env, log, ClassData.mapping(jar.toAbsolutePath().getParent()), true);
    }

    /**
     * Starts the service once to record its class-data archive ({@link ClassData}): until it is
     * ready, then stopped; the JVM writes the archive as it exits.
     */
    static void recordClassData(String name, Path jar, int port, Map<String, String> env, Path log) {
        ServiceProcess recording = launch(name, jar, port, env, log, Optional.of(ClassData.recording()), false);
        try {
            recording.awaitReady(Duration.ofSeconds(120));
        } finally {
            ClassData.keepRecording(jar.toAbsolutePath().getParent(), recording.stop());
        }
    }

    private static ServiceProcess launch(String name, Path jar, int port, Map<String, String> env, Path log,
            Optional<String> classData, boolean extraOptions) {
        if (!jar.toFile().isFile()) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw package -DskipTests)");
        }
        // As ./openfactor up starts it: the same JVM options, JIT directives and class-data archive, from
        // the application's directory (the archives name the jar relatively).
        Path appDir = jar.toAbsolutePath().getParent();
        List<String> command = new java.util.ArrayList<>(List.of("java",
                "@" + root().resolve("deploy/local/jvm.options"),
                "-XX:CompilerDirectivesFile=" + root().resolve("deploy/local/jit-directives.json")));
        classData.ifPresent(command::add);
        // For profiling a run, e.g. OPENFACTOR_BENCH_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/{service}.jfr";
        // not while recording class data, which a JVMTI agent such as async-profiler makes the JVM refuse.
        String extra = System.getenv("OPENFACTOR_BENCH_JAVA_OPTS");
        if (extraOptions && extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().replace("{service}", name).split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.getFileName().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(appDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("OPENFACTOR_HTTP_PORT", Integer.toString(port));
        log.getParent().toFile().mkdirs();
        long started = System.nanoTime();
        try {
            return new ServiceProcess(name, port, builder.start(), started);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
    }

    /** Seconds from process start until /q/health/ready answered 200. */
    public double awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url("/q/health/ready"))).timeout(Duration.ofSeconds(1)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see its log");
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - startedNanos) / 1e9;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(20);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        stop();
    }

    /** SIGTERM, then SIGKILL after 20 s; true if the process ended by itself. */
    private boolean stop() {
        process.destroy();
        try {
            if (process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        return false;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Path root() {
        return new File(System.getProperty("openfactor.root", ".")).toPath().toAbsolutePath().normalize();
    }
}
