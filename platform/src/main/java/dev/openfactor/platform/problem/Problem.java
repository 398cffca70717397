package dev.openfactor.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An RFC 9457 problem document with OpenFactor's {@code code} and, for 400s, the offending fields. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "title", "status", "detail", "code", "errors" })
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private final int status;
    private final String title;
    private final String code;
    private final String detail;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public Problem(ProblemKind kind, String code, String detail, List<FieldError> errors, Map<String, Object> extensions) {
        this(kind.status(), kind.title(), code, detail, errors, extensions);
    }

    public Problem(int status, String title, String code, String detail, List<FieldError> errors,
            Map<String, Object> extensions) {
        this.status = status;
        this.title = title;
        this.code = code;
        this.detail = detail;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
        this.extensions = new LinkedHashMap<>(extensions);
    }

    public static Problem of(ProblemKind kind, String code, String detail) {
        return new Problem(kind, code, detail, null, Map.of());
    }

    public String getType() {
        return "urn:openfactor:problem:" + code;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public String getCode() {
        return code;
    }

    public List<FieldError> getErrors() {
        return errors;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtensions() {
        return extensions;
    }

    /** One invalid input: the JSON path of the field (or the parameter name) and what is wrong. */
    public record FieldError(String field, String message) {
    }
}
