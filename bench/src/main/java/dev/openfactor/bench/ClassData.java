package dev.openfactor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The class-data archive a service starts with, as {@code ./openfactor up} chooses it: the one
 * recorded from a full start of this build ({@value #FULL_START}: schema check, Kafka clients,
 * HTTP server, all loaded and linked already) if there is one, else the one {@code package}
 * builds ({@code app-cds.jsa}, which covers static initialisation only).
 */
final class ClassData {

    static final String FULL_START = "full-start.jsa";
    private static final String RECORDING = FULL_START + ".part";

    private ClassData() {
    }

    /** The option that maps the best archive in {@code appDir}, if any. */
    static Optional<String> mapping(Path appDir) {
        if (current(appDir)) {
            return Optional.of("-XX:SharedArchiveFile=" + FULL_START);
        }
        return Files.isRegularFile(appDir.resolve("app-cds.jsa")) ? Optional.of("-XX:SharedArchiveFile=app-cds.jsa")
                : Optional.empty();
    }

    /** Recorded after the jar was built: a rebuild makes it stale, and the JVM would refuse it anyway. */
    static boolean current(Path appDir) {
        Path archive = appDir.resolve(FULL_START);
        try {
            return Files.isRegularFile(archive) && Files.getLastModifiedTime(archive)
                    .compareTo(Files.getLastModifiedTime(appDir.resolve("quarkus-run.jar"))) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * False for a JDK shipped without its default CDS archive, which a recording is made on top
     * of: such a JVM refuses to start with {@link #recording()}.
     */
    static boolean recordable() {
        try {
            Path probe = Files.createTempFile("class-data-probe", ".jsa");
            Files.delete(probe);
            Process java = new ProcessBuilder("java", "-XX:ArchiveClassesAtExit=" + probe, "-version")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean recorded = java.waitFor() == 0;
            Files.deleteIfExists(probe);
            return recorded;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The option that records, when the JVM exits, every class the run loaded. */
    static String recording() {
        return "-XX:ArchiveClassesAtExit=" + RECORDING;
    }

    /** Keeps what a run that exited cleanly recorded; a run cut short leaves nothing behind. */
    static void keepRecording(Path appDir, boolean exitedCleanly) {
        Path recorded = appDir.resolve(RECORDING);
        try {
            if (exitedCleanly && Files.isRegularFile(recorded)) {
                Files.move(recorded, appDir.resolve(FULL_START), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(recorded);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the class-data archive recorded in " + appDir, e);
        }
    }
}
