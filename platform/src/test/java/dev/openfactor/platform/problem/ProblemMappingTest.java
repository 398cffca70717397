package dev.openfactor.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import dev.openfactor.platform.testing.PrivateKafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(PrivateKafkaBroker.class)
class ProblemMappingTest {

    @Test
    void malformedJsonIsA400Problem() {
        given().contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/v1/open/things")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("validation_failed"))
                .body("status", equalTo(400))
                .body("type", equalTo("urn:openfactor:problem:validation_failed"));
    }

    @Test
    void invalidFieldsAreListedByPath() {
        given().contentType(ContentType.JSON).body("{\"name\": \"\", \"phone\": {\"number\": \"0851234\"}}")
                .when().post("/v1/open/things")
                .then().statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("errors.field", containsInAnyOrder("name", "phone.number"))
                .body(not(containsString("0851234")));
    }

    @Test
    void missingBodyIsA400() {
        given().contentType(ContentType.JSON)
                .when().post("/v1/open/things")
                .then().statusCode(400)
                .body("code", equalTo("validation_failed"));
    }

    @Test
    void unknownEnumValueNamesTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"a\", \"phone\": {\"number\": \"+353851234567\"}, \"color\": \"BLUE\"}")
                .when().post("/v1/open/things")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("color"))
                .body(not(containsString("BLUE")));
    }

    @Test
    void validBodyPassesThrough() {
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"a\", \"phone\": {\"number\": \"+353851234567\"}, \"color\": \"RED\", \"extra\": 1}")
                .when().post("/v1/open/things")
                .then().statusCode(200)
                .body("name", equalTo("a"));
    }

    @Test
    void queryParameterViolationNamesTheParameter() {
        given().when().get("/v1/open/wait?waitSeconds=99")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("waitSeconds"));
    }

    @Test
    void domainProblemKeepsCodeExtensionsAndRetryAfter() {
        given().when().get("/v1/open/conflict")
                .then().statusCode(429)
                .header("Retry-After", "42")
                .body("code", equalTo("rate_limited"))
                .body("remainingAttempts", equalTo(0))
                .body("detail", equalTo("Too many codes sent."));
    }

    @Test
    void unexpectedErrorLeaksNothing() {
        given().when().get("/v1/open/boom")
                .then().statusCode(500)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("internal_error"))
                .body(not(containsString("secret-detail")))
                .body(not(containsString("Exception")));
    }

    @Test
    void unknownPathIsAProblem404() {
        given().when().get("/v1/open/no-such-thing")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("not_found"));
    }

    @Test
    void wrongMethodIsAProblem405() {
        given().when().delete("/v1/open")
                .then().statusCode(405)
                .body("code", equalTo("method_not_allowed"));
    }
}
