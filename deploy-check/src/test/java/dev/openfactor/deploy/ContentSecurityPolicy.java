package dev.openfactor.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A Content-Security-Policy header value as its directives, each with its source list. */
record ContentSecurityPolicy(Map<String, List<String>> directives) {

    static ContentSecurityPolicy parse(String value) {
        Map<String, List<String>> directives = new LinkedHashMap<>();
        for (String part : value.split(";")) {
            List<String> tokens = List.of(part.trim().split("\\s+"));
            if (!tokens.get(0).isEmpty()) {
                directives.putIfAbsent(tokens.get(0).toLowerCase(Locale.ROOT), tokens.subList(1, tokens.size()));
            }
        }
        return new ContentSecurityPolicy(directives);
    }

    List<String> sources(String directive) {
        return directives.getOrDefault(directive, List.of());
    }
}
