package dev.openfactor.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicyIngressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPort;

/**
 * What the rendered NetworkPolicies allow a pod, the way the API defines it: a pod selected by any
 * policy of a type is isolated for that type, and then gets the union of those policies' rules.
 * Only matchLabels selectors are understood (the manifests use nothing else).
 */
record NetworkPolicies(List<V1NetworkPolicy> policies) {

    /** A port a rule opens, e.g. "TCP/5432" or "TCP/http". */
    record Opening(String protocol, String port, boolean anySource) {
    }

    static NetworkPolicies of(Rendered rendered) {
        return new NetworkPolicies(rendered.typed("NetworkPolicy", V1NetworkPolicy.class));
    }

    List<V1NetworkPolicy> selecting(Map<String, String> podLabels) {
        List<V1NetworkPolicy> selecting = new ArrayList<>();
        for (V1NetworkPolicy p : policies) {
            var selector = p.getSpec().getPodSelector();
            if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
                throw new AssertionError(p.getMetadata().getName() + ": matchExpressions are not understood by this check");
            }
            Map<String, String> wanted = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
            if (podLabels.entrySet().containsAll(wanted.entrySet())) {
                selecting.add(p);
            }
        }
        return selecting;
    }

    boolean isolated(Map<String, String> podLabels, String type) {
        return selecting(podLabels).stream().anyMatch(p -> p.getSpec().getPolicyTypes() != null && p.getSpec().getPolicyTypes().contains(type));
    }

    List<Opening> egress(Map<String, String> podLabels) {
        List<Opening> open = new ArrayList<>();
        for (V1NetworkPolicy p : selecting(podLabels)) {
            if (p.getSpec().getEgress() != null) {
                p.getSpec().getEgress().forEach(rule -> open.addAll(openings(rule.getPorts(), rule.getTo() == null || rule.getTo().isEmpty())));
            }
        }
        return open;
    }

    List<Opening> ingress(Map<String, String> podLabels) {
        List<Opening> open = new ArrayList<>();
        for (V1NetworkPolicy p : selecting(podLabels)) {
            if (p.getSpec().getIngress() != null) {
                for (V1NetworkPolicyIngressRule rule : p.getSpec().getIngress()) {
                    open.addAll(openings(rule.getPorts(), rule.getFrom() == null || rule.getFrom().isEmpty()));
                }
            }
        }
        return open;
    }

    private static List<Opening> openings(List<V1NetworkPolicyPort> ports, boolean anyPeer) {
        if (ports == null || ports.isEmpty()) {
            return List.of(new Opening("*", "*", anyPeer));
        }
        return ports.stream().map(p -> new Opening(p.getProtocol() == null ? "TCP" : p.getProtocol(), text(p.getPort()), anyPeer)).toList();
    }

    private static String text(IntOrString port) {
        if (port == null) {
            return "*";
        }
        return port.isInteger() ? String.valueOf(port.getIntValue()) : port.getStrValue();
    }
}
