package dev.openfactor.enrollment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "openfactor.enrollment")
public interface EnrollmentConfig {

    /** TOTP codes accepted this many steps either side of now when confirming a credential. */
    @WithDefault("1")
    int totpWindow();
}
