package org.unmixer.live;

/** One {@code DeviceParameter} as Live reports it: position, name, range, whether stepped, value. */
public record LiveParameter(int index, String name, double min, double max, boolean quantized, double value) {
}
