package org.unmixer.dsp.patch;

/** A wavetable by its browser category and name, as Wavetable's choosers show them. */
public record WavetableRef(String category, String name) {
    public static final WavetableRef DEFAULT = new WavetableRef("Basics", "Basic Shapes");
}
