package dev.openfactor.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource outside {@code /admin/v1} that only operators may call, with the same admin
 * token and the same 401 (the notification sandbox, which shows codes in clear).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface AdminTokenRequired {
}
