package dev.openfactor.bench;

/** One measured number, the reference it is judged against (if any), and the target. */
public record Figure(String scenario, String name, double value, String unit, String reference, double referenceValue,
        String target, Boolean met) {

    public static Figure of(String scenario, String name, double value, String unit) {
        return new Figure(scenario, name, value, unit, null, Double.NaN, null, null);
    }

    public Figure against(String referenceName, double referenceValue) {
        return new Figure(scenario, name, value, unit, referenceName, referenceValue, target, met);
    }

    public Figure target(String description, boolean isMet) {
        return new Figure(scenario, name, value, unit, reference, referenceValue, description, isMet);
    }

    public double ratio() {
        return reference == null || referenceValue == 0 ? Double.NaN : value / referenceValue;
    }

    public boolean sane() {
        return value > 0 && !Double.isNaN(value) && (reference == null || referenceValue > 0);
    }
}
