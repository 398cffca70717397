package dev.openfactor.deploy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service's Dockerfile.jvm, read instruction by instruction. */
record Dockerfiles(String service, List<String> instructions) {

    private static final Pattern USER = Pattern.compile("USER\\s+(\\d+)(?::(\\d+))?");

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
}
