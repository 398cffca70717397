package dev.openfactor.prompt.rest;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import dev.openfactor.prompt.config.PromptConfig;
import dev.openfactor.prompt.store.CodeStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

/**
 * The cookie that ties a prompt to the browser that started it: a link to a prompt is useless in any other
 * browser. HttpOnly, SameSite=Lax (it must arrive after the relying party's cross-site POST), Secure
 * whenever the issuer is https; only its hash is stored.
 */
@ApplicationScoped
public class BrowserBinding {

    static final String COOKIE = "openfactor_browser";

    private final SecureRandom random = new SecureRandom();
    private final boolean secure;

    BrowserBinding(PromptConfig config) {
        this.secure = "https".equals(URI.create(config.issuer()).getScheme());
    }

    /** The browser's value, if it sent one that looks like ours. */
    public Optional<String> of(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(COOKIE);
        return Optional.ofNullable(cookie).map(Cookie::getValue).filter(v -> v.matches("[A-Za-z0-9_-]{43}"));
    }

    public String newValue() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public NewCookie cookie(String value) {
        return new NewCookie.Builder(COOKIE).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    public static String hash(String value) {
        return CodeStore.hash(value);
    }
}
