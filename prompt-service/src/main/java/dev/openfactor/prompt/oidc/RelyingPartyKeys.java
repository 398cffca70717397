package dev.openfactor.prompt.oidc;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;

import dev.openfactor.prompt.service.Client;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The keys that prove a relying party's hints, request objects and client assertions: inline keys from
 * the registration, or its JWKS URL (Entra ID: its tenant's discovery keys), fetched with caching,
 * refresh ahead of expiry and one retry, so a key rotation on their side is picked up without a restart.
 */
@ApplicationScoped
public class RelyingPartyKeys {

    private final Map<String, JWKSource<SecurityContext>> remote = new ConcurrentHashMap<>();

    public JWKSource<SecurityContext> of(Client.RelyingParty party) {
        if (party.jwks() != null) {
            try {
                return new ImmutableJWKSet<>(JWKSet.parse(party.jwks()));
            } catch (ParseException e) {
                throw new IllegalStateException("a registered JWKS does not parse", e);
            }
        }
        return remote.computeIfAbsent(party.jwksUrl(), url -> {
            try {
                return JWKSourceBuilder.create(URI.create(url).toURL()).retrying(true).build();
            } catch (MalformedURLException e) {
                throw new IllegalStateException("a registered JWKS URL is not a URL", e);
            }
        });
    }
}
