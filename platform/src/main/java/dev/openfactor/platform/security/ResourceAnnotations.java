package dev.openfactor.platform.security;

import java.lang.annotation.Annotation;
import java.util.Optional;

import jakarta.ws.rs.container.ResourceInfo;

/** A marker read the way every filter reads it: on the resource method, else on its class. */
public final class ResourceAnnotations {

    private ResourceAnnotations() {
    }

    /** Empty outside a resource (a framework 404 or 405 has no method). */
    public static <A extends Annotation> Optional<A> find(ResourceInfo resource, Class<A> type) {
        if (resource.getResourceMethod() == null) {
            return Optional.empty();
        }
        A onMethod = resource.getResourceMethod().getAnnotation(type);
        return Optional.ofNullable(onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(type));
    }

    public static boolean present(ResourceInfo resource, Class<? extends Annotation> type) {
        return find(resource, type).isPresent();
    }
}
