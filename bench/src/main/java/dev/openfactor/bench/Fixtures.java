package dev.openfactor.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;

/** Users registered through enrollment-service's public API, as a frontend and an app would. */
final class Fixtures {

    record TotpUser(String userId, byte[] secret) {
    }

    record AppUser(String userId, BenchDevice device) {
    }

    final String tenantId;
    final String apiKey;
    private final ServiceProcess enrollment;

    private Fixtures(ServiceProcess enrollment, String tenantId, String apiKey) {
        this.enrollment = enrollment;
        this.tenantId = tenantId;
        this.apiKey = apiKey;
    }

    static Fixtures newTenant(BenchSystem system) {
        return newTenant(system, "bench-" + UUID.randomUUID().toString().substring(0, 8), "Bench Corp");
    }

    /** A tenant with an API key; {@code displayName} is what the hosted pages show. */
    static Fixtures newTenant(BenchSystem system, String name, String displayName) {
        ServiceProcess e = system.enrollment();
        String tenantId = Json.call("POST", e.url("/admin/v1/tenants"), system.adminToken,
                Map.of("name", name, "displayName", displayName)).expect(201).body().get("tenantId").asText();
        String key = Json.call("POST", e.url("/admin/v1/tenants/" + tenantId + "/api-keys"), system.adminToken,
                Map.of("label", "bench")).expect(201).body().get("apiKey").asText();
        return new Fixtures(e, tenantId, key);
    }

    List<TotpUser> totpUsers(int count) {
        return parallel(count, i -> {
            String user = "totp-" + UUID.randomUUID() + "@bench.example";
            JsonNode created = Json.call("POST", enrollment.url("/v1/users/" + user + "/totp-credentials"), apiKey, Map.of())
                    .expect(201).body();
            byte[] secret = Totp.base32(created.get("secret").asText());
            String code = confirmationCode(secret);
            Json.call("POST", enrollment.url("/v1/users/" + user + "/totp-credentials/" + created.get("methodId").asText()
                    + "/confirm"), apiKey, Map.of("code", code)).expect(200);
            return new TotpUser(user, secret);
        });
    }

    /** Users with an activated authenticator app; {@code apns} gives each a push token, else the app only polls. */
    List<AppUser> appUsers(int count, boolean apns) {
        return parallel(count, i -> {
            String user = "app-" + UUID.randomUUID() + "@bench.example";
            JsonNode started = Json.call("POST", enrollment.url("/v1/users/" + user + "/authenticator-activations"), apiKey,
                    Map.of()).expect(201).body();
            BenchDevice device = new BenchDevice();
            Map<String, Object> request = new java.util.HashMap<>(Map.of(
                    "activationCode", started.get("activationCode").asText(),
                    "devicePublicKey", device.publicKeyBase64(),
                    "pushPlatform", apns ? "apns" : "none",
                    "deviceName", "bench phone"));
            if (apns) {
                request.put("pushToken", RawPushy.token(i));
            }
            JsonNode activated = Json.call("POST", started.get("activationUrl").asText(), null, request).expect(200).body();
            device.deviceId(activated.get("deviceId").asText());
            return new AppUser(user, device);
        });
    }

    /**
     * The previous step's code (inside the ±1 window): the step that confirms a credential is never accepted
     * again, so confirming with it leaves the current and later codes for sign-ins. Taken no later than 5 s
     * before the step ends, or a slow answer lands two steps on and the code is refused.
     */
    private static String confirmationCode(byte[] secret) {
        long now = Instant.now().getEpochSecond();
        long left = 30 - now % 30;
        if (left <= 5) {
            try {
                Thread.sleep(left * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return Totp.code(secret, Totp.step(Instant.now().getEpochSecond()) - 1);
    }

    private static <T> List<T> parallel(int count, IntFunction<T> make) {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> make.apply(n)));
            }
            List<T> made = new ArrayList<>();
            for (Future<T> f : futures) {
                made.add(f.get());
            }
            return Collections.unmodifiableList(made);
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("creating fixtures failed: " + cause.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }
}
