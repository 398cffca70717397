package dev.openfactor.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Renders an overlay with `kubectl kustomize`, the way an operator's `kubectl apply -k` would. */
final class Kustomize {

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** Rendered once per test run: kubectl is deterministic for the same files. */
    static Rendered overlay(String name) {
        return CACHE.computeIfAbsent(name, n -> new Rendered(split(run("deploy/k8s/overlays/" + n))));
    }

    static String run(String relativeDir) {
        File stderr;
        try {
            stderr = File.createTempFile("kustomize", ".err");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessBuilder builder = new ProcessBuilder("kubectl", "kustomize", relativeDir)
                .directory(Repo.ROOT.toFile())
                .redirectError(stderr);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("kubectl is not on the PATH. deploy-check renders deploy/k8s/overlays/* with "
                    + "`kubectl kustomize` (kubectl 1.30 or newer, whose kustomize knows `labels.includeTemplates`; it works offline): install kubectl and run again.", e);
        }
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + relativeDir + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + relativeDir + " failed (exit " + process.exitValue() + "):\n"
                        + Files.readString(stderr.toPath()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + relativeDir, e);
        } finally {
            stderr.delete();
        }
    }

    static List<Manifest> split(String rendered) {
        List<Manifest> manifests = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(rendered)) {
            if (!document.isBlank()) {
                manifests.add(Manifest.parse(document));
            }
        }
        return manifests;
    }
}
