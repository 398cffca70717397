package dev.openfactor.prompt.store;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.prompt.service.Client;
import jakarta.enterprise.context.ApplicationScoped;

/** Registered relying parties; the tenant's API key is sealed to its client id. */
@ApplicationScoped
public class ClientStore {

    private final Db db;
    private final Sealer sealer;
    private final ObjectMapper json;

    ClientStore(Db db, Sealer sealer, ObjectMapper json) {
        this.db = db;
        this.sealer = sealer;
        this.json = json;
    }

    /** Inserts or replaces; true when the client is new. */
    public boolean save(Client client) {
        String sealed = sealer.seal(client.tenantApiKey().getBytes(StandardCharsets.UTF_8), "client:" + client.clientId());
        return db.one("""
                INSERT INTO client (client_id, tenant_id, display_name, api_key_sealed, registration)
                VALUES (?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (client_id) DO UPDATE SET tenant_id = excluded.tenant_id, display_name = excluded.display_name,
                    api_key_sealed = excluded.api_key_sealed, registration = excluded.registration, updated_at = now()
                RETURNING (xmax = 0) AS inserted
                """, row -> row.getBoolean("inserted"), client.clientId(), client.tenantId(), client.displayName(), sealed,
                write(client.registration())).orElseThrow();
    }

    /** Empty for an id no client can have (hostile input never reaches the database). */
    public Optional<Client> find(String clientId) {
        if (!Client.validId(clientId)) {
            return Optional.empty();
        }
        return db.one("SELECT tenant_id, display_name, api_key_sealed, registration FROM client WHERE client_id = ?",
                row -> new Client(clientId, row.getString("tenant_id"), row.getString("display_name"),
                        new String(sealer.open(row.getString("api_key_sealed"), "client:" + clientId), StandardCharsets.UTF_8),
                        read(row.getString("registration"))),
                clientId);
    }

    public boolean delete(String clientId) {
        return db.update("DELETE FROM client WHERE client_id = ?", clientId) > 0;
    }

    private String write(Client.Registration registration) {
        try {
            return json.writeValueAsString(registration);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Client.Registration read(String text) {
        try {
            return json.readValue(text, Client.Registration.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored client registration does not parse", e);
        }
    }
}
