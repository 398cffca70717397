package dev.openfactor.prompt.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import dev.openfactor.prompt.service.Client;
import dev.openfactor.prompt.service.Method;
import dev.openfactor.prompt.store.CodeStore;

/** {@code PUT /admin/v1/clients/{clientId}}: what an operator registers for a relying party. */
public record ClientRegistrationRequest(String tenantId, String tenantApiKey, String displayName, String applicationName, String profile,
        List<String> redirectUris, RelyingParty relyingParty, String userClaim, List<String> methods, String clientSecret) {

    public record RelyingParty(String issuer, String audience, String jwksUrl, Map<String, Object> jwks) {
    }

    /** Field → what is wrong with it; empty when the request can be registered. */
    Map<String, String> problems(String clientId) {
        Map<String, String> p = new LinkedHashMap<>();
        if (!Client.validId(clientId)) {
            p.put("clientId", "1 to 200 letters, digits or . _ : ~ -");
        }
        blank(p, "tenantId", tenantId);
        blank(p, "tenantApiKey", tenantApiKey);
        blank(p, "displayName", displayName);
        if (parsedProfile() == null) {
            p.put("profile", "entra_eam or code");
        }
        if (redirectUris == null || redirectUris.isEmpty()) {
            p.put("redirectUris", "at least one");
        } else {
            for (String uri : redirectUris) {
                if (!redirectUriOk(uri)) {
                    p.put("redirectUris", "absolute https URIs without fragment (http only for localhost): " + uri);
                }
            }
        }
        if (relyingParty == null) {
            p.put("relyingParty", "required: issuer, audience, and jwksUrl or jwks");
        } else {
            if (parsedProfile() == Client.Profile.ENTRA_EAM) {
                blank(p, "relyingParty.issuer", relyingParty.issuer());
                blank(p, "relyingParty.audience", relyingParty.audience());
            }
            boolean url = relyingParty.jwksUrl() != null;
            boolean inline = relyingParty.jwks() != null;
            if (url == inline) {
                p.put("relyingParty", "exactly one of jwksUrl or jwks");
            } else if (url && !httpsOrLocal(relyingParty.jwksUrl())) {
                p.put("relyingParty.jwksUrl", "an https URL");
            } else if (inline && !publicKeysOnly(relyingParty.jwks())) {
                p.put("relyingParty.jwks", "a JWK set of public keys");
            }
        }
        if (methods != null && (methods.isEmpty() || methods.stream().anyMatch(m -> Method.of(m).isEmpty()))) {
            p.put("methods", "a non-empty subset of push, totp, sms, voice, recovery_code");
        }
        if (clientSecret != null && clientSecret.length() < 32) {
            p.put("clientSecret", "at least 32 characters");
        }
        return p;
    }

    Client toClient(String clientId) {
        Client.Profile prof = parsedProfile();
        String claim = userClaim != null && !userClaim.isBlank() ? userClaim
                : prof == Client.Profile.ENTRA_EAM ? "preferred_username" : "login_hint";
        // The request object of the code flow is issued by the client itself (RFC 9101).
        String issuer = prof == Client.Profile.CODE ? clientId : relyingParty.issuer();
        return new Client(clientId, tenantId, displayName, tenantApiKey, new Client.Registration(prof,
                applicationName == null || applicationName.isBlank() ? displayName : applicationName, List.copyOf(redirectUris),
                new Client.RelyingParty(issuer, relyingParty.audience(), relyingParty.jwksUrl(), relyingParty.jwks()), claim,
                methods == null ? allMethods() : List.copyOf(methods), clientSecret == null ? null : CodeStore.hash(clientSecret)));
    }

    Client.Profile parsedProfile() {
        if (profile == null) {
            return null;
        }
        return switch (profile.toLowerCase(Locale.ROOT)) {
            case "entra_eam" -> Client.Profile.ENTRA_EAM;
            case "code" -> Client.Profile.CODE;
            default -> null;
        };
    }

    private static List<String> allMethods() {
        List<String> all = new ArrayList<>();
        for (Method m : Method.values()) {
            all.add(m.wire);
        }
        return all;
    }

    private static void blank(Map<String, String> p, String field, String value) {
        if (value == null || value.isBlank() || value.length() > 500) {
            p.put(field, "required (at most 500 characters)");
        }
    }

    static boolean redirectUriOk(String uri) {
        try {
            URI u = new URI(uri);
            return u.isAbsolute() && u.getRawFragment() == null && u.getHost() != null && httpsOrLocal(uri);
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean httpsOrLocal(String uri) {
        try {
            URI u = new URI(uri);
            String host = u.getHost();
            return "https".equals(u.getScheme())
                    || "http".equals(u.getScheme()) && ("localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host));
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean publicKeysOnly(Map<String, Object> jwks) {
        try {
            JWKSet set = JWKSet.parse(jwks);
            return !set.getKeys().isEmpty() && set.getKeys().stream().noneMatch(JWK::isPrivate);
        } catch (Exception e) {
            return false;
        }
    }
}
