package dev.openfactor.platform.cors;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Which web origins may call the phone app's paths from a browser ({@link AppCors}). */
@ConfigMapping(prefix = "openfactor.cors")
public interface AppCorsConfig {

    /**
     * Exact origins {@code scheme://host[:port]} (comma-separated) where the web authenticator is
     * served; none means no cross-origin access at all.
     */
    Optional<List<String>> appOrigins();
}
