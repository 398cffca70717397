package dev.openfactor.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft broker in a child JVM, run from the jars that
 * {@code deploy/local/kafka.sh install} puts under {@code .openfactor/kafka/lib}. All its state
 * (config, data, pid, log) sits in one directory, so any class loader can stop and restart it
 * knowing only that directory.
 */
public final class KafkaBrokerProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private final Path dir;

    public KafkaBrokerProcess(Path dir) {
        this.dir = dir;
    }

    /** Configures and formats a new broker in a fresh directory, on free ports. */
    public static KafkaBrokerProcess create(Path dir) {
        try {
            Files.createDirectories(dir);
            int port = freePort();
            int controllerPort = freePort();
            Properties p = new Properties();
            p.setProperty("process.roles", "broker,controller");
            p.setProperty("node.id", "1");
            p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
            p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            p.setProperty("controller.listener.names", "CONTROLLER");
            p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.setProperty("log.dirs", dir.resolve("data").toString());
            p.setProperty("num.partitions", "3");
            p.setProperty("offsets.topic.replication.factor", "1");
            p.setProperty("offsets.topic.num.partitions", "3");
            p.setProperty("transaction.state.log.replication.factor", "1");
            p.setProperty("transaction.state.log.min.isr", "1");
            p.setProperty("min.insync.replicas", "1");
            p.setProperty("group.initial.rebalance.delay.ms", "0");
            p.setProperty("auto.create.topics.enable", "true");
            try (var out = Files.newBufferedWriter(dir.resolve("server.properties"))) {
                p.store(out, "test broker");
            }
            KafkaBrokerProcess broker = new KafkaBrokerProcess(dir);
            broker.run(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                    dir.resolve("server.properties").toString()), dir.resolve("format.log")).waitFor();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port();
    }

    public void start() {
        try {
            Process process = run(List.of("kafka.Kafka", dir.resolve("server.properties").toString()), dir.resolve("broker.log"));
            Files.writeString(dir.resolve("broker.pid"), Long.toString(process.pid()));
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!Files.readString(dir.resolve("broker.log")).contains("Kafka Server started")) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("test broker did not start; see " + dir.resolve("broker.log"));
                }
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the broker with SIGTERM (a clean shutdown) and waits until its port is closed. */
    public void stop() {
        pid().flatMap(ProcessHandle::of).ifPresent(handle -> {
            handle.destroy();
            handle.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        });
        while (accepts(port())) {
            sleep(50);
        }
    }

    public boolean isRunning() {
        return pid().flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    private Process run(List<String> mainAndArgs, Path log) throws IOException {
        Path lib = libDir();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
                "-Dlog4j.configuration=none", "-cp", lib + "/*"));
        command.addAll(mainAndArgs);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static Path libDir() {
        String home = System.getProperty("openfactor.kafka.home");
        if (home == null || !Files.isDirectory(Path.of(home, "lib"))) {
            throw new IllegalStateException("Kafka jars not found (openfactor.kafka.home=" + home
                    + "); run ./openfactor test, or deploy/local/kafka.sh install first");
        }
        return Path.of(home, "lib");
    }

    private int port() {
        try (var in = Files.newBufferedReader(dir.resolve("server.properties"))) {
            Properties p = new Properties();
            p.load(in);
            String advertised = p.getProperty("advertised.listeners");
            return Integer.parseInt(advertised.substring(advertised.lastIndexOf(':') + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Long> pid() {
        try {
            Path file = dir.resolve("broker.pid");
            return Files.exists(file) ? Optional.of(Long.parseLong(Files.readString(file).trim())) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
