package dev.openfactor.prompt.config;

import io.smallrye.config.ConfigMapping;

/** {@code openfactor.admin.token}: the operator's bearer token, as on the other services. */
@ConfigMapping(prefix = "openfactor.admin")
public interface AdminConfig {

    String token();
}
