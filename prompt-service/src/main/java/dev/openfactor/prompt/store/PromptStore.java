package dev.openfactor.prompt.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.prompt.service.Prompt;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Prompts, one statement per change; status changes are conditional so two tabs cannot both win. Wizard
 * fields change while a prompt is open or done (a done security-info prompt still adds methods), never after.
 */
@ApplicationScoped
public class PromptStore {

    private static final TypeReference<Map<String, String>> WIZARD = new TypeReference<>() {
    };

    private final Db db;
    private final ObjectMapper json;

    PromptStore(Db db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** False when the client already used this {@code state}: a replayed authorization request. */
    public boolean insert(Prompt p) {
        return db.update("""
                INSERT INTO prompt (prompt_id, client_id, flow, user_id, subject, redirect_uri, state, nonce, acr_values, tenant_hint,
                    code_challenge, browser_hash, csrf_token, status, wizard, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?::jsonb, ?)
                ON CONFLICT (client_id, state) WHERE state IS NOT NULL DO NOTHING
                """, p.promptId(), p.clientId(), p.flow().name().toLowerCase(Locale.ROOT), p.userId(), p.subject(), p.redirectUri(),
                p.state(), p.nonce(), p.acrValues().toArray(String[]::new), p.tenantHint(), p.codeChallenge(), p.browserHash(),
                p.csrfToken(), text(p.wizard()), p.expiresAt()) == 1;
    }

    /** Empty for an id no prompt can have (ids are base64url). */
    public Optional<Prompt> find(String promptId) {
        if (promptId == null || !promptId.matches("[A-Za-z0-9_-]{1,64}")) {
            return Optional.empty();
        }
        return db.one("SELECT * FROM prompt WHERE prompt_id = ?", this::read, promptId);
    }

    public void challenge(String promptId, String challengeId) {
        db.update("UPDATE prompt SET challenge_id = ? WHERE prompt_id = ? AND status IN ('open', 'done')", challengeId, promptId);
    }

    public void activation(String promptId, String activationId) {
        db.update("UPDATE prompt SET activation_id = ? WHERE prompt_id = ? AND status IN ('open', 'done')", activationId, promptId);
    }

    public void phone(String promptId, String methodId) {
        db.update("UPDATE prompt SET phone_method_id = ? WHERE prompt_id = ? AND status IN ('open', 'done')", methodId, promptId);
    }

    public void wizard(String promptId, String key, String value) {
        db.update("""
                UPDATE prompt SET wizard = wizard || jsonb_build_object(?::text, ?::text) WHERE prompt_id = ? AND status IN ('open', 'done')
                """,
                key, value, promptId);
    }

    /** The second factor is proven; true if this call made the change. */
    public boolean done(String promptId, String amr) {
        return db.update("UPDATE prompt SET status = 'done', amr = ? WHERE prompt_id = ? AND status = 'open' AND expires_at > now()",
                amr, promptId) == 1;
    }

    public boolean refuse(String promptId) {
        return db.update("UPDATE prompt SET status = 'refused' WHERE prompt_id = ? AND status = 'open'", promptId) == 1;
    }

    /** Marks the prompt answered and says how it ended (DONE or REFUSED); empty if it was already answered. */
    public Optional<Prompt.Status> answer(String promptId) {
        return db.one("""
                UPDATE prompt p SET status = 'answered' FROM (SELECT status FROM prompt WHERE prompt_id = ? FOR UPDATE) old
                WHERE p.prompt_id = ? AND p.status IN ('done', 'refused') RETURNING old.status
                """, row -> Prompt.Status.valueOf(row.getString(1).toUpperCase(Locale.ROOT)), promptId, promptId);
    }

    public int purgeExpired() {
        return db.update("DELETE FROM prompt WHERE expires_at < now() - interval '1 hour'");
    }

    private Prompt read(ResultSet row) throws SQLException {
        return new Prompt(row.getString("prompt_id"), row.getString("client_id"),
                Prompt.Flow.valueOf(row.getString("flow").toUpperCase(Locale.ROOT)), row.getString("user_id"), row.getString("subject"),
                row.getString("redirect_uri"), row.getString("state"), row.getString("nonce"), Db.strings(row, "acr_values"),
                row.getString("tenant_hint"), row.getString("code_challenge"), row.getString("browser_hash"), row.getString("csrf_token"),
                Prompt.Status.valueOf(row.getString("status").toUpperCase(Locale.ROOT)), row.getString("amr"),
                row.getString("challenge_id"), row.getString("activation_id"), row.getString("phone_method_id"),
                wizard(row.getString("wizard")), Db.instant(row, "created_at"), Db.instant(row, "expires_at"));
    }

    private String text(Map<String, String> wizard) {
        try {
            return json.writeValueAsString(wizard);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> wizard(String text) {
        try {
            return json.readValue(text, WIZARD);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
