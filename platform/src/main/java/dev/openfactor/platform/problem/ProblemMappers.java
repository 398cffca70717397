package dev.openfactor.platform.problem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.openfactor.platform.problem.Problem.FieldError;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * Every exception that reaches JAX-RS leaves as problem+json with a stable code. Binding and
 * validation failures become 400 with the offending fields; nothing a client sent is echoed
 * (it may be a code or a secret), and no stack trace ever leaves the server.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int PRIORITY = jakarta.ws.rs.Priorities.USER - 100;

    @ServerExceptionMapper(priority = PRIORITY)
    public Response problem(ProblemException e) {
        return ProblemResponses.of(e);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response violations(ConstraintViolationException e) {
        if (FieldErrors.isReturnValue(e.getConstraintViolations())) {
            return internal(e);
        }
        return invalid("Some fields are invalid.", FieldErrors.fromViolations(e.getConstraintViolations()));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response validationSetup(ValidationException e) {
        return internal(e);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unreadableJson(JsonParseException e) {
        return invalid("The request body is not well-formed JSON.", List.of());
    }

    /** Declared for this subtype too: Quarkus maps it itself otherwise (without the field list). */
    @ServerExceptionMapper(priority = PRIORITY)
    public Response mismatchedJson(MismatchedInputException e) {
        return unbindableJson(e);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unbindableJson(JsonMappingException e) {
        String field = FieldErrors.fromJsonPath(e.getPath());
        if (field.isEmpty()) {
            return invalid("The request body does not have the expected shape.", List.of());
        }
        return invalid("Some fields are invalid.", List.of(new FieldError(field, "has the wrong type or an unknown value")));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response otherJson(JsonProcessingException e) {
        return invalid("The request body is not valid JSON.", List.of());
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return json instanceof JsonMappingException m ? unbindableJson(m) : otherJson(json);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "Error";
        Problem problem = new Problem(status, title, codeFor(status), title + ".", null, Map.of());
        // Keep headers such as Allow (405) that the framework put on its response.
        return Response.fromResponse(e.getResponse()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unexpected(Throwable e) {
        return internal(e);
    }

    private static Response invalid(String detail, List<FieldError> errors) {
        return ProblemResponses.of(new Problem(ProblemKind.INVALID, "validation_failed", detail, errors, Map.of()));
    }

    private static Response internal(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unhandled error, incident %s", incident);
        return ProblemResponses.of(Problem.of(ProblemKind.INTERNAL, "internal_error",
                "An unexpected error occurred (incident " + incident + ")."));
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 415 -> "unsupported_media_type";
            default -> "bad_request";
        };
    }
}
