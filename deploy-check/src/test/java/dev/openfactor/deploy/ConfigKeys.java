package dev.openfactor.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration keys Java sources declare: every leaf of each {@code @ConfigMapping} interface
 * (nested groups followed, {@code Optional<Group>} too) and every {@code @ConfigProperty} name. A
 * small reader for the plain interfaces this project writes, not a Java parser.
 */
final class ConfigKeys {

    private static final Pattern MAPPING_PREFIX = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern PROPERTY_NAME = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{]*\\{");
    private static final Pattern METHOD = Pattern.compile("([\\w.]+(?:<[^;(){}]*>)?)\\s+(\\w+)\\s*\\(\\s*\\)\\s*;");
    private static final Pattern WRAPPER = Pattern.compile("(?:Optional|java\\.util\\.Optional)<\\s*([\\w.]+)\\s*>");

    private ConfigKeys() {
    }

    /** Keys declared by the .java files under {@code sourceRoot}. */
    static Set<String> declaredUnder(Path sourceRoot) {
        return under(sourceRoot, false);
    }

    /**
     * The {@code @ConfigMapping} leaves under {@code sourceRoot} that the application cannot start without:
     * no {@code @WithDefault}, not {@code Optional}, not inside an {@code Optional} group.
     */
    static Set<String> requiredUnder(Path sourceRoot) {
        return under(sourceRoot, true);
    }

    static Set<String> declaredIn(String source) {
        return declaredIn(source, false);
    }

    static Set<String> declaredIn(String source, boolean requiredOnly) {
        Set<String> keys = new TreeSet<>();
        Matcher property = PROPERTY_NAME.matcher(source);
        while (!requiredOnly && property.find()) {
            keys.add(property.group(1));
        }
        Matcher prefix = MAPPING_PREFIX.matcher(source);
        if (prefix.find()) {
            Map<String, String> bodies = interfaceBodies(withoutCommentsAndStrings(source));
            String root = firstInterface(withoutCommentsAndStrings(source));
            collect(prefix.group(1), bodies.get(root), bodies, keys, requiredOnly);
        }
        return keys;
    }

    private static Set<String> under(Path sourceRoot, boolean requiredOnly) {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> keys.addAll(declaredIn(read(p), requiredOnly)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /** {@code openfactor.crypto.kek.active-key-id} → {@code OPENFACTOR_CRYPTO_KEK_ACTIVE_KEY_ID}. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static void collect(String prefix, String body, Map<String, String> bodies, Set<String> keys, boolean requiredOnly) {
        Matcher method = METHOD.matcher(body);
        int previous = 0;
        while (method.find()) {
            // The annotations of this method are what stands between the previous declaration and it.
            boolean defaulted = body.substring(previous, method.start()).contains("@WithDefault");
            previous = method.end();
            String type = method.group(1);
            Matcher wrapped = WRAPPER.matcher(type);
            boolean optional = wrapped.matches();
            if (optional) {
                type = wrapped.group(1);
            }
            if (requiredOnly && (optional || defaulted)) {
                continue;
            }
            String key = prefix + "." + kebab(method.group(2));
            if (bodies.containsKey(type)) {
                collect(key, bodies.get(type), bodies, keys, requiredOnly);
            } else {
                keys.add(key);
            }
        }
    }

    /** Each interface's body with the bodies of interfaces nested in it cut out. */
    private static Map<String, String> interfaceBodies(String source) {
        Map<String, String> bodies = new HashMap<>();
        Matcher m = INTERFACE.matcher(source);
        while (m.find()) {
            int open = m.end() - 1;
            bodies.put(m.group(1), cutNested(source.substring(open + 1, closing(source, open))));
        }
        return bodies;
    }

    private static String cutNested(String body) {
        StringBuilder out = new StringBuilder();
        Matcher m = INTERFACE.matcher(body);
        int from = 0;
        while (m.find(from)) {
            out.append(body, from, m.start());
            from = closing(body, m.end() - 1) + 1;
        }
        return out.append(body.substring(from)).toString();
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
        throw new IllegalArgumentException("unbalanced braces");
    }

    private static String firstInterface(String source) {
        Matcher m = INTERFACE.matcher(source);
        if (!m.find()) {
            throw new IllegalArgumentException("@ConfigMapping without an interface");
        }
        return m.group(1);
    }

    private static String withoutCommentsAndStrings(String source) {
        return source.replaceAll("\"(?:[^\"\\\\\\n]|\\\\.)*\"", "\"\"")
                .replaceAll("(?s)/\\*.*?\\*/", "")
                .replaceAll("//[^\\n]*", "");
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
