package org.unmixer.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.dsp.patch.WavetableRef;
import org.unmixer.dsp.source.Wavetables;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.DeviceSpec;
import org.unmixer.params.ParamSpec;

/**
 * The simplest prior: every {@linkplain ParamSpec#estimated() estimated} parameter of the synth and
 * of each effect uniform in θ ∈ [0, 1] (quantized ones therefore uniform over their items), every
 * other parameter at the device default; both oscillators' wavetables uniform over
 * {@link Wavetables#catalog()}; a chain of 0..{@value #MAX_EFFECTS} distinct effects out of the
 * five, the count uniform and the order random. It knows nothing about what sounds like music
 * (the dataset sampler does); it exists for tests and as a default.
 *
 * <p>Index {@code i} with seed {@code s} seeds its own {@link SplittableRandom}, so samples do not
 * depend on which other indices were drawn.
 */
public final class UniformPrior implements PatchPrior {
    /** The five effects the renderer has. */
    public static final List<String> EFFECTS =
            List.of("Saturator", "EQ Eight", "Multiband Dynamics", "Phaser-Flanger", "Reverb");
    public static final int MAX_EFFECTS = 5;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long seed;
    private final Catalog catalog;

    /** Default seed 0. */
    public UniformPrior() {
        this(0);
    }

    public UniformPrior(long seed) {
        this.seed = seed;
        this.catalog = Catalog.standard();
    }

    @Override
    public Patch sample(long index, SourceSpec source) {
        SplittableRandom random = new SplittableRandom(seed * GOLDEN + index);
        Optional<SynthSpec> synth = Optional.empty();
        if (source.kind() == SourceKind.SYNTH) {
            DeviceSettings settings = uniformEstimated(catalog.device("Wavetable"), random);
            synth = Optional.of(new SynthSpec(settings, wavetable(random), wavetable(random)));
        }
        List<String> pool = new ArrayList<>(EFFECTS);
        int count = random.nextInt(MAX_EFFECTS + 1);
        List<DeviceSettings> chain = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            String name = pool.remove(random.nextInt(pool.size()));
            chain.add(uniformEstimated(catalog.device(name), random));
        }
        return new Patch(source, synth, chain);
    }

    private static WavetableRef wavetable(SplittableRandom random) {
        List<Wavetables.Entry> tables = Wavetables.catalog();
        Wavetables.Entry e = tables.get(random.nextInt(tables.size()));
        return new WavetableRef(e.category(), e.name());
    }

    /** Defaults, with every estimated parameter drawn uniform in θ (catalog order, one draw each). */
    static DeviceSettings uniformEstimated(DeviceSpec device, SplittableRandom random) {
        DeviceSettings s = device.defaults();
        for (ParamSpec p : device.params()) {
            if (p.estimated()) {
                s = s.withNormalized(p.name(), random.nextDouble());
            }
        }
        return s;
    }
}
