package dev.openfactor.platform.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;

/**
 * Reads one sample from {@code /q/metrics} as an operator's Prometheus would see it: the counter
 * named {@code name} (Prometheus spelling, e.g. {@code openfactor_security_refusals_total}) whose
 * labels include {@code labels}; 0 when no such series exists yet.
 */
public final class PrometheusScrape {

    private PrometheusScrape() {
    }

    public static double value(String name, Map<String, String> labels) {
        String page = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : page.split("\n")) {
            if (!line.startsWith(name + "{")) {
                continue;
            }
            String labelPart = line.substring(name.length(), line.lastIndexOf('}') + 1);
            boolean all = labels.entrySet().stream()
                    .allMatch(e -> labelPart.contains(e.getKey() + "=\"" + e.getValue() + "\""));
            if (all) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}
