package org.hopfieldlab.sim.exercise;

/** Comparison of a measured value with a target in a condition. */
public enum Op {
    AT_LEAST(">=", "≥"), MORE(">", ">"), AT_MOST("<=", "≤"), LESS("<", "<"), EQUALS("==", "=");

    public final String key;
    public final String symbol;

    Op(String key, String symbol) {
        this.key = key;
        this.symbol = symbol;
    }

    boolean test(double value, double target) {
        switch (this) {
            case AT_LEAST: return value >= target;
            case MORE: return value > target;
            case AT_MOST: return value <= target;
            case LESS: return value < target;
            default: return value == target;
        }
    }

    static Op byKey(String key) {
        for (Op o : values()) {
            if (o.key.equals(key)) {
                return o;
            }
        }
        return null;
    }
}
