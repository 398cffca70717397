package dev.openfactor.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * authenticator/nginx.conf, read as its one server block: the directives at server level and each
 * location's body. A small reader for this file (no nested server blocks, no quoted braces), not an
 * nginx parser.
 */
record NginxConf(String serverLevel, Map<String, String> locations) {

    /** One add_header: name, value (quotes removed) and whether it applies to error answers too. */
    record Header(String name, String value, boolean always) {
    }

    private static final Pattern LOCATION = Pattern.compile("\\blocation\\s+([^{]+?)\\s*\\{");
    private static final Pattern ADD_HEADER = Pattern.compile(
            "\\badd_header\\s+([\\w-]+)\\s+(\"[^\"]*\"|\\S+?)(\\s+always)?\\s*;");

    static NginxConf of(String text) {
        String code = text.replaceAll("(?m)^\\s*#.*$", "");
        int open = code.indexOf('{', code.indexOf("server"));
        String server = code.substring(open + 1, closing(code, open));
        Map<String, String> locations = new LinkedHashMap<>();
        StringBuilder level = new StringBuilder();
        Matcher m = LOCATION.matcher(server);
        int from = 0;
        while (m.find(from)) {
            int bodyOpen = m.end() - 1;
            int bodyClose = closing(server, bodyOpen);
            level.append(server, from, m.start());
            locations.put(m.group(1).trim().replaceAll("\\s+", " "), server.substring(bodyOpen + 1, bodyClose));
            from = bodyClose + 1;
        }
        level.append(server.substring(from));
        return new NginxConf(level.toString(), locations);
    }

    static NginxConf authenticator() {
        return of(Repo.read(Repo.APP + "/nginx.conf"));
    }

    static List<Header> headers(String block) {
        List<Header> headers = new ArrayList<>();
        Matcher m = ADD_HEADER.matcher(block);
        while (m.find()) {
            headers.add(new Header(m.group(1), m.group(2).replaceAll("^\"|\"$", ""), m.group(3) != null));
        }
        return headers;
    }

    Optional<Header> serverHeader(String name) {
        return headers(serverLevel).stream().filter(h -> h.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The value of a simple directive ({@code expires -1;}) in a block, if it is there. */
    static Optional<String> directive(String block, String name) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(name) + "\\s+([^;]*);").matcher(block);
        return m.find() ? Optional.of(m.group(1).trim()) : Optional.empty();
    }

    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced braces in nginx.conf");
    }
}
