package dev.openfactor.platform.input;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.openfactor.platform.device.DeviceRequestFilter;
import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.platform.problem.ProblemResponses;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Path and query parameters pass {@link TextRules} before any resource sees them, in every
 * service: a NUL in a user id must be a 400 naming the parameter, not a PostgreSQL error. Runs
 * after authentication, so an unauthenticated caller still gets only the uniform 401. Device-signed
 * resources are left to {@link dev.openfactor.platform.device.DeviceRequestFilter}, which answers 401.
 */
public class RequestParameterFilter {

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 50)
    public Response check(ContainerRequestContext request, ResourceInfo resource) {
        if (DeviceRequestFilter.appliesTo(resource)) {
            return null;
        }
        return firstProblem(request.getUriInfo())
                .map(error -> ProblemResponses.of(ProblemException.invalidField(error.field(), error.message())))
                .orElse(null);
    }

    /** A parameter that breaks the rules, or a malformed escape anywhere in the path or query. */
    public static Optional<ParameterProblem> firstProblem(UriInfo uri) {
        try {
            return first(uri.getPathParameters(), InputLimits.ID)
                    .or(() -> first(uri.getQueryParameters(), InputLimits.QUERY_VALUE));
        } catch (IllegalArgumentException malformedEscape) {
            return Optional.of(new ParameterProblem("", "the request URI is malformed"));
        }
    }

    private static Optional<ParameterProblem> first(Map<String, List<String>> parameters, int maxBytes) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!TextRules.passes(parameter.getKey(), InputLimits.LABEL)) {
                return Optional.of(new ParameterProblem("", "a parameter name is not acceptable"));
            }
            for (String value : parameter.getValue()) {
                Optional<String> problem = TextRules.problem(value, maxBytes);
                if (problem.isPresent()) {
                    return Optional.of(new ParameterProblem(parameter.getKey(), problem.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** The offending parameter's name (ours, or a passing name) and what is wrong; never its value. */
    public record ParameterProblem(String field, String message) {
    }
}
