package dev.openfactor.platform.device;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource the phone app calls with a device signature (API.md). Before it runs,
 * {@link DeviceRequestFilter} refuses with the uniform 401 any request whose signature headers
 * or parameters cannot belong to a valid signed request, so nothing hostile reaches the database
 * and nothing but 401 is learnt before the signature is checked. Put it beside
 * {@code @Unauthenticated} (there is no API key on these).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface DeviceSigned {

    /** The path parameter that names the device; its value must equal the {@code X-OpenFactor-Device} header. */
    String deviceIdParameter() default "deviceId";
}
