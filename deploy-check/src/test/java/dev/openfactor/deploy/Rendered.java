package dev.openfactor.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;

/** An overlay's output, with lookups by kind and name. */
record Rendered(List<Manifest> manifests) {

    List<Manifest> ofKind(String kind) {
        return manifests.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    Optional<Manifest> find(String kind, String name) {
        return manifests.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst();
    }

    Manifest get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the rendered overlay"));
    }

    <T> List<T> typed(String kind, Class<T> type) {
        return ofKind(kind).stream().map(m -> m.typed(type)).toList();
    }

    V1Deployment deployment(String service) {
        return get("Deployment", service).typed(V1Deployment.class);
    }

    /** The container named after its service (every OpenFactor pod runs exactly that one). */
    V1Container container(String service) {
        return deployment(service).getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(service)).findFirst()
                .orElseThrow(() -> new AssertionError(service + " has no container named " + service));
    }

    /** Every Deployment rendered: the hardening checks hold for all of them, overlay-only ones (the demo) included. */
    List<String> deployments() {
        return ofKind("Deployment").stream().map(Manifest::name).toList();
    }

    /** One path of an Ingress rule: the host and path it matches and the Service it leads to. */
    record IngressRoute(String host, String path, String service) {
    }

    List<IngressRoute> ingressRoutes() {
        List<IngressRoute> routes = new ArrayList<>();
        typed("Ingress", V1Ingress.class).forEach(ingress -> ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths()
                .forEach(p -> routes.add(new IngressRoute(rule.getHost(), p.getPath(), p.getBackend().getService().getName())))));
        return routes;
    }

    /** The host of each Ingress path that leads to {@code service}. */
    List<String> ingressHosts(String service) {
        return ingressRoutes().stream().filter(r -> r.service().equals(service)).map(IngressRoute::host).toList();
    }

    V1ConfigMap configMap(String name) {
        return get("ConfigMap", name).typed(V1ConfigMap.class);
    }
}
