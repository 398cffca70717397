package dev.openfactor.notification.testdata;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts the Web Push service stand-in and gives the service its VAPID keys (made per run). */
public class WebPushStandIns implements QuarkusTestResourceLifecycleManager {

    public static WebPushStandIn pushService;

    @Override
    public Map<String, String> start() {
        try {
            pushService = new WebPushStandIn();
        } catch (Exception e) {
            throw new IllegalStateException("the push service stand-in did not start", e);
        }
        return pushService.config();
    }

    @Override
    public void stop() {
        pushService.stop();
    }
}
