package org.unmixer.live.sim;

import java.util.ArrayList;
import java.util.List;
import org.unmixer.dsp.source.Wavetables;

/**
 * What Wavetable's choosers list in the simulator: Live's 12 categories
 * ({@code oscillator_wavetable_categories}, ableton-integration.md §2.4) and, in each, the tables
 * the reference renderer knows ({@link Wavetables#catalog()}). Categories the renderer has no
 * table for are listed empty, so choosing anything in them fails as an unknown name would.
 */
final class WavetableLibrary {
    static final List<String> CATEGORIES = List.of("Basics", "Collection", "Complex", "Distortion", "Filter",
            "Formant", "Harmonics", "Instrument", "Noise", "Retro", "Vintage", "User");

    private WavetableLibrary() {
    }

    /** The wavetable names of category {@code categoryIndex}, in the renderer's catalogue order. */
    static List<String> names(int categoryIndex) {
        String category = CATEGORIES.get(categoryIndex);
        List<String> names = new ArrayList<>();
        for (Wavetables.Entry e : Wavetables.catalog()) {
            if (e.category().equals(category)) {
                names.add(e.name());
            }
        }
        return names;
    }
}
