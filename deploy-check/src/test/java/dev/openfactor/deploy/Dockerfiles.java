package dev.openfactor.deploy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A workload's Dockerfile (a service's Dockerfile.jvm, the authenticator's, the demo's), read instruction by instruction. */
record Dockerfiles(String service, List<String> instructions) {

    private static final Pattern USER = Pattern.compile("USER\\s+(\\d+)(?::(\\d+))?");
    private static final Pattern NAMED_USER = Pattern.compile("USER\\s+([a-z_][a-z0-9_-]*)(?::[a-z0-9_-]+)?");
    /** Named users the official base images create, with their fixed uid (the manifests must state it as a number). */
    private static final Map<String, Long> BASE_IMAGE_USERS = Map.of("node", 1000L);

    static Dockerfiles of(String service) {
        String text = Repo.read(Repo.ROOT.relativize(Repo.dockerfile(service)).toString());
        List<String> lines = Arrays.stream(text.replace("\\\n", " ").split("\n"))
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        return new Dockerfiles(service, lines);
    }

    List<String> all(String keyword) {
        return instructions.stream().filter(l -> l.regionMatches(true, 0, keyword + " ", 0, keyword.length() + 1)).toList();
    }

    /** The numeric uid of the last USER instruction, if it is numeric. */
    Optional<Long> uid() {
        List<String> users = all("USER");
        if (users.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = USER.matcher(users.get(users.size() - 1));
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** {@link #uid()}, or the uid of a named user its official base image creates (USER node on node:*). */
    Optional<Long> runtimeUid() {
        Optional<Long> numeric = uid();
        List<String> users = all("USER");
        if (numeric.isPresent() || users.isEmpty()) {
            return numeric;
        }
        Matcher m = NAMED_USER.matcher(users.get(users.size() - 1));
        List<String> from = all("FROM");
        if (!m.matches() || from.isEmpty() || !from.get(from.size() - 1).startsWith("FROM " + m.group(1) + ":")) {
            return Optional.empty();
        }
        return Optional.ofNullable(BASE_IMAGE_USERS.get(m.group(1)));
    }
}
