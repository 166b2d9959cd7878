package dev.gophersite.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Nearest-rank percentiles over a sample of milliseconds. */
record Stats(List<Double> samples) {

    static Stats of(List<Double> samples) {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return new Stats(List.copyOf(sorted));
    }

    double percentile(double q) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * samples.size()) - 1;
        return samples.get(Math.max(0, Math.min(samples.size() - 1, index)));
    }

    double median() {
        return percentile(0.5);
    }

    double p90() {
        return percentile(0.9);
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    static double round4(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
