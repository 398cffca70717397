package dev.openfactor.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1EnvVar;

/** A container's environment as Kubernetes will build it: every variable and where its value comes from. */
record ContainerEnv(Map<String, Source> variables) {

    sealed interface Source permits Literal, FromConfigMap, FromSecret, Other {
    }

    record Literal(String value) implements Source {
    }

    record FromConfigMap(String configMap, String key, String value) implements Source {
    }

    record FromSecret(String secret, String key, boolean optional) implements Source {
    }

    record Other(String description) implements Source {
    }

    static ContainerEnv of(Rendered rendered, V1Container container) {
        Map<String, Source> variables = new LinkedHashMap<>();
        if (container.getEnvFrom() != null) {
            for (V1EnvFromSource from : container.getEnvFrom()) {
                if (from.getSecretRef() != null) {
                    throw new AssertionError(container.getName() + ": envFrom secretRef " + from.getSecretRef().getName()
                            + " hides which variables the pod gets; name each one with secretKeyRef");
                }
                String prefix = from.getPrefix() == null ? "" : from.getPrefix();
                String name = from.getConfigMapRef().getName();
                V1ConfigMap map = rendered.configMap(name);
                if (map.getData() != null) {
                    map.getData().forEach((key, value) -> variables.put(prefix + key, new FromConfigMap(name, key, value)));
                }
            }
        }
        if (container.getEnv() != null) {
            for (V1EnvVar env : container.getEnv()) {
                variables.put(env.getName(), source(rendered, env));
            }
        }
        return new ContainerEnv(variables);
    }

    private static Source source(Rendered rendered, V1EnvVar env) {
        if (env.getValueFrom() == null) {
            return new Literal(env.getValue() == null ? "" : env.getValue());
        }
        var secret = env.getValueFrom().getSecretKeyRef();
        if (secret != null) {
            return new FromSecret(secret.getName(), secret.getKey(), Boolean.TRUE.equals(secret.getOptional()));
        }
        var configMapKey = env.getValueFrom().getConfigMapKeyRef();
        if (configMapKey != null) {
            V1ConfigMap map = rendered.configMap(configMapKey.getName());
            String value = map.getData() == null ? null : map.getData().get(configMapKey.getKey());
            return new FromConfigMap(configMapKey.getName(), configMapKey.getKey(), value);
        }
        return new Other(String.valueOf(env.getValueFrom()));
    }

    /** Present whenever the pod runs: an optional secret may be absent, so it does not count. */
    boolean alwaysProvides(String name) {
        Source source = variables.get(name);
        return source != null && !(source instanceof FromSecret s && s.optional());
    }

    /** The plain value, for variables that come from a literal or a ConfigMap. */
    Optional<String> value(String name) {
        Source source = variables.get(name);
        if (source instanceof Literal literal) {
            return Optional.of(literal.value());
        }
        if (source instanceof FromConfigMap configMap) {
            return Optional.ofNullable(configMap.value());
        }
        return Optional.empty();
    }
}
