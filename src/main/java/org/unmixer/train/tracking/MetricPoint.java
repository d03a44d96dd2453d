package org.unmixer.train.tracking;

/**
 * One logged value of a metric: one line {@code "timestampMs value step"} of its file.
 *
 * @param step the training step (MLflow's x axis)
 * @param value the value; NaN and ±infinity are kept as logged
 * @param timestampMs when it was logged, milliseconds since the epoch
 */
public record MetricPoint(long step, double value, long timestampMs) {}
