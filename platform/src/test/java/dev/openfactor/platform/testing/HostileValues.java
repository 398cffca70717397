package dev.openfactor.platform.testing;

import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The odd strings and wrong-typed JSON values a hostile client sends, picked by a seeded random. */
public final class HostileValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    static final List<String> STRINGS = List.of(
            "\u0000", "a\u0000b", "\u0000\u0000\u0000", "\u0001\u0002\u0003", "\u0007", "\u001b[31m", "\u007f", "\u0085",
            "line\nbreak", "tab\there", "\r\n\r\n", "", " ", "   \t ", "0", "-1", "9999999999999999999999999", "1e309",
            "NaN", "true", "null", "[]", "{}", "é".repeat(300), "\uD83D\uDE00".repeat(200), "\u202Eevil", "\u200B",
            "\uFEFF", "\uD800", "\uDC00x", "Ω≈ç√∫", "\u0661\u0662\u0663", "' OR '1'='1' --", "\"; DROP TABLE x; --",
            "../../../../etc/passwd", "%00", "%s%s%s%n", "${jndi:ldap://127.0.0.1/x}", "<script>alert(1)</script>",
            "ofk_aaaaaaaaaaaaaaaa_bbbb", "x".repeat(257), "y".repeat(5000));

    private HostileValues() {
    }

    public static String string(Random random) {
        if (random.nextInt(40) == 0) {
            return "z".repeat(70_000 + random.nextInt(10_000)) + (random.nextBoolean() ? "\u0000" : "");
        }
        return STRINGS.get(random.nextInt(STRINGS.size()));
    }

    /** A JSON value of any type, often not the one expected: strings, numbers, booleans, null, deep nesting. */
    public static JsonNode value(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> JSON.numberNode(random.nextInt());
            case 1 -> JSON.numberNode(Long.MAX_VALUE);
            case 2 -> JSON.numberNode(-0.5);
            case 3 -> JSON.booleanNode(random.nextBoolean());
            case 4 -> JSON.nullNode();
            case 5 -> JSON.arrayNode().add(string(random)).add(1);
            case 6 -> JSON.objectNode().put("\u0000", string(random));
            case 7 -> deep(random.nextBoolean(), 50 + random.nextInt(500));
            default -> JSON.textNode(string(random));
        };
    }

    static JsonNode deep(boolean arrays, int depth) {
        JsonNode node = JSON.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            if (arrays) {
                ArrayNode a = JSON.arrayNode();
                a.add(node);
                node = a;
            } else {
                ObjectNode o = JSON.objectNode();
                o.set("a", node);
                node = o;
            }
        }
        return node;
    }
}
