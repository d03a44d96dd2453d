package org.unmixer.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.dsp.patch.WavetableRef;
import org.unmixer.dsp.source.Wavetables;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceKind;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.DeviceSpec;
import org.unmixer.params.ParamSpec;

/**
 * Draws patches for a dataset: seed + example index → a random stream → {@link Patch}. Example
 * {@code i}'s stream is seeded from (dataset seed, i) alone, so it does not depend on the other
 * examples, the count or the thread that draws it; re-draws after a rejected render continue the
 * same stream.
 *
 * <p>Per draw: the source (a synth note with pitch, velocity and gate from the config, wavetables
 * uniform over {@link Wavetables#catalog()}; or a known signal), the chain by the curriculum stage
 * ({@link #drawChainDevices}), then every device's parameters by the {@link SamplingRanges} table.
 * Parameters that are not estimated keep their defaults (or the preset's value).
 */
public final class PatchSampler {
    public static final String SYNTH = "Wavetable";
    public static final String SATURATOR = "Saturator";
    public static final String MULTIBAND = "Multiband Dynamics";

    private final DatasetConfig config;
    private final Catalog catalog;
    private final List<DeviceSpec> effects;

    public PatchSampler(DatasetConfig config, Catalog catalog) {
        this.config = config;
        this.catalog = catalog;
        this.effects = effectDevices(catalog);
    }

    /** The audio effects of the catalog, in catalog order: the chain vocabulary (device index = position). */
    public static List<DeviceSpec> effectDevices(Catalog catalog) {
        return catalog.devices().stream().filter(d -> d.kind() == DeviceKind.AUDIO_EFFECT).toList();
    }

    /** The random stream of example {@code index}: SplitMix64 of (seed, index), independent of other examples. */
    public static SplittableRandom streamFor(long seed, long index) {
        return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + mix(index + 0x632BE59BD9B4E019L)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The first draw of example {@code index}. */
    public Patch sample(long index) {
        return draw(streamFor(config.seed(), index));
    }

    /** One patch from the stream (call again on the same stream for a re-draw). */
    public Patch draw(SplittableRandom rng) {
        double gate = config.gateMinSeconds() + rng.nextDouble() * (config.gateMaxSeconds() - config.gateMinSeconds());
        double tail = Math.max(0, config.renderSeconds() - gate);
        // Below 2^53 so the seed survives patch JSON, whose numbers are read as doubles.
        long noiseSeed = rng.nextLong(1L << 53);
        SourceSpec source;
        Optional<SynthSpec> synth;
        if (config.knownSource()) {
            SourceKind kind = config.sourceKinds().get(rng.nextInt(config.sourceKinds().size()));
            source = new SourceSpec(kind, 60, 100, gate, tail, noiseSeed);
            synth = Optional.empty();
        } else {
            int note = config.noteMin() + rng.nextInt(config.noteMax() - config.noteMin() + 1);
            int velocity = config.velocityMin() + rng.nextInt(config.velocityMax() - config.velocityMin() + 1);
            source = new SourceSpec(SourceKind.SYNTH, note, velocity, gate, tail, noiseSeed);
            var tables = Wavetables.catalog();
            var osc1 = tables.get(rng.nextInt(tables.size()));
            var osc2 = tables.get(rng.nextInt(tables.size()));
            DeviceSettings settings = drawSettings(catalog.device(SYNTH), rng);
            synth = Optional.of(new SynthSpec(settings, new WavetableRef(osc1.category(), osc1.name()),
                    new WavetableRef(osc2.category(), osc2.name())));
        }
        List<DeviceSettings> chain = new ArrayList<>();
        for (DeviceSpec d : drawChainDevices(rng)) {
            chain.add(drawSettings(d, rng));
        }
        return new Patch(source, synth, chain);
    }

    /**
     * The chain's devices by stage: {@code dry} none; {@code nonlinear} Saturator, Multiband
     * Dynamics, or both in either order (equally likely); {@code full} k ∈ 0..5 uniform (1..5 in
     * known-source mode, where an empty chain would teach nothing) distinct effects in random order.
     */
    List<DeviceSpec> drawChainDevices(SplittableRandom rng) {
        return switch (config.stage()) {
            case DRY -> List.of();
            case NONLINEAR -> {
                DeviceSpec sat = catalog.device(SATURATOR);
                DeviceSpec mbd = catalog.device(MULTIBAND);
                yield switch (rng.nextInt(4)) {
                    case 0 -> List.of(sat);
                    case 1 -> List.of(mbd);
                    case 2 -> List.of(sat, mbd);
                    default -> List.of(mbd, sat);
                };
            }
            case FULL -> {
                int min = config.knownSource() ? 1 : 0;
                int k = min + rng.nextInt(effects.size() - min + 1);
                List<DeviceSpec> pool = new ArrayList<>(effects);
                for (int i = pool.size() - 1; i > 0; i--) { // Fisher–Yates
                    int j = rng.nextInt(i + 1);
                    DeviceSpec t = pool.get(i);
                    pool.set(i, pool.get(j));
                    pool.set(j, t);
                }
                yield List.copyOf(pool.subList(0, k));
            }
        };
    }

    /**
     * A device's settings: the table's start (defaults or preset), listed ranges, uniform θ for other
     * estimated ones. Conditional ranges are drawn in a second pass, once the parameter they depend
     * on has its value.
     */
    public DeviceSettings drawSettings(DeviceSpec device, SplittableRandom rng) {
        SamplingRanges.DeviceRanges rules = config.ranges().forDevice(device.name());
        DeviceSettings s = rules.preset() == null ? device.defaults() : device.preset(rules.preset());
        List<ParamRange.Conditional> conditional = new ArrayList<>();
        List<String> conditionalNames = new ArrayList<>();
        for (ParamSpec p : device.params()) {
            if (!p.estimated()) {
                continue;
            }
            ParamRange range = rules.params().get(p.name());
            if (range instanceof ParamRange.Conditional c) {
                conditional.add(c);
                conditionalNames.add(p.name());
            } else if (range != null) {
                s = s.with(Map.of(p.name(), range.draw(rng)));
            } else if (rules.uniformUnlisted()) {
                s = s.withNormalized(p.name(), rng.nextDouble());
            }
        }
        for (int i = 0; i < conditional.size(); i++) {
            ParamRange picked = conditional.get(i).rangeFor(s.item(conditional.get(i).by()));
            if (picked != null) {
                s = s.with(Map.of(conditionalNames.get(i), picked.draw(rng)));
            }
        }
        return s;
    }
}
