package dev.openfactor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects figures, prints them as they come, and renders the Markdown table. */
public final class Report {

    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public void add(Figure figure) {
        figures.add(figure);
        System.out.println(line(figure));
    }

    public void note(String note) {
        notes.add(note);
        System.out.println("  note: " + note);
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    public String markdown(BenchSettings settings, String machine) {
        StringBuilder md = new StringBuilder();
        md.append("# OpenFactor benchmarks\n\n");
        md.append("Run: `./openfactor bench").append("full".equals(settings.mode()) ? "" : " --" + settings.mode())
                .append(settings.only().isEmpty() ? "" : " --only=" + String.join(",", new java.util.TreeSet<>(settings.only())))
                .append(settings.label().contains("-push") ? " --push-rate=" + settings.pushRate() : "")
                .append("` on ").append(LocalDate.now()).append(".\n\n");
        md.append("Machine: ").append(machine).append("\n\n");
        md.append("Absolute figures drift on a shared machine; each is printed next to a reference measured in the same run.\n\n");
        md.append("| scenario | figure | value | reference | ratio | target | met |\n|---|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            md.append("| ").append(f.scenario()).append(" | ").append(f.name()).append(" | ").append(value(f.value(), f.unit()))
                    .append(" | ").append(f.reference() == null ? "" : f.reference() + ": " + value(f.referenceValue(), f.unit()))
                    .append(" | ").append(Double.isNaN(f.ratio()) ? "" : String.format(Locale.ROOT, "%.2f", f.ratio()))
                    .append(" | ").append(f.target() == null ? "" : f.target())
                    .append(" | ").append(f.met() == null ? "" : f.met() ? "yes" : "**no**").append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append("\n");
            notes.forEach(n -> md.append("- ").append(n).append("\n"));
        }
        return md.toString();
    }

    public void write(Path file, BenchSettings settings, String machine) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown(settings, machine));
    }

    private static String line(Figure f) {
        String base = String.format(Locale.ROOT, "%-12s %-44s %14s", f.scenario(), f.name(), value(f.value(), f.unit()));
        if (f.reference() != null) {
            base += String.format(Locale.ROOT, "   vs %s %s (ratio %.2f)", f.reference(), value(f.referenceValue(), f.unit()), f.ratio());
        }
        if (f.target() != null) {
            base += "   target " + f.target() + (Boolean.TRUE.equals(f.met()) ? " ✓" : " ✗");
        }
        return base;
    }

    private static String value(double v, String unit) {
        return (v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v)) + " " + unit;
    }
}
