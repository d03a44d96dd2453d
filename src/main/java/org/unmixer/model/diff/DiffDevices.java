package org.unmixer.model.diff;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.unmixer.model.proxy.ProxyConditioning;
import org.unmixer.model.proxy.ProxyFiles;
import org.unmixer.model.proxy.ProxyNetwork;
import org.unmixer.params.BadInputException;
import org.unmixer.params.DeviceSettings;

/**
 * Chooses each device's differentiable version for a chain: the exact analytic one where there is
 * one (EQ Eight, Saturator), else the reference device with a trained proxy's gradients
 * (straight-through), else — for the devices that mix linearly (Reverb, Phaser-Flanger) — the
 * reference device with the exact gradient of its Dry/Wet only, or for Multiband Dynamics of its
 * Master Output only, else the reference device frozen (its θ kept, gradients passed through).
 * {@link #preferringProxies()} turns the first two round, so a proxy can be measured in ITF against
 * the exact version it stands in for.
 */
public final class DiffDevices {
    /** How a device is made differentiable. */
    public enum Kind {
        ANALYTIC, PROXY, DRY_WET, OUTPUT_GAIN, FROZEN,
        /** Exact mix or level plus simultaneous-perturbation secants of the reference device ({@link SecantAdjoint}). */
        SECANT;

        public String label() {
            return switch (this) {
                case SECANT -> "secant (SPSA)";
                case DRY_WET -> "dry/wet only";
                case OUTPUT_GAIN -> "output gain only";
                default -> name().toLowerCase(java.util.Locale.ROOT);
            };
        }
    }

    /**
     * FFT room for the analytic versions' ringing, in samples, when they only supply gradients: the
     * value is the reference's, so a short tail (less wrap-around room, a smaller FFT) only bends the
     * gradient of the last few milliseconds' ringing.
     */
    static final int GRADIENT_TAIL = 4_096;

    private final Map<String, ProxyNetwork> proxies;
    private final boolean secants;
    private final boolean proxiesFirst;

    private DiffDevices(Map<String, ProxyNetwork> proxies) {
        this(proxies, false, false);
    }

    private DiffDevices(Map<String, ProxyNetwork> proxies, boolean secants, boolean proxiesFirst) {
        this.proxies = Map.copyOf(proxies);
        this.secants = secants;
        this.proxiesFirst = proxiesFirst;
    }

    /**
     * The same choice, except that Reverb, Phaser-Flanger and Multiband Dynamics (when no proxy
     * stands in for them) also get secant gradients for their main settings from the reference
     * device ({@link SecantAdjoint}). Only the plain-Java backward pass has them; where it cannot run
     * (a proxy in the chain) those devices fall back to their mix or level alone.
     */
    public DiffDevices withSecants() {
        return new DiffDevices(proxies, true, proxiesFirst);
    }

    /** The same choice, except that a device with both an exact version and a proxy gets the proxy. */
    public DiffDevices preferringProxies() {
        return new DiffDevices(proxies, secants, true);
    }

    private boolean usesAnalytic(DeviceSettings settings) {
        return DiffDevice.analytic(settings).isPresent() && !(proxiesFirst && proxies.containsKey(settings.device().name()));
    }

    /** Analytic versions only; every other device frozen. */
    public static DiffDevices analyticOnly() {
        return new DiffDevices(Map.of());
    }

    /** Analytic versions plus the given proxies, by device name, already {@link ProxyGradient#prepare prepared}. */
    public static DiffDevices withProxies(Map<String, ProxyNetwork> prepared) {
        return new DiffDevices(prepared);
    }

    /**
     * Analytic versions plus every proxy saved under {@code dir} (one folder per proxy, as
     * {@link ProxyFiles} writes them), their weights in float64 and frozen, owned by {@code manager}.
     * A missing folder means no proxies.
     */
    public static DiffDevices withProxies(Path dir, NDManager manager) {
        Map<String, ProxyNetwork> found = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return new DiffDevices(found);
        }
        try (Stream<Path> folders = Files.list(dir)) {
            for (Path folder : folders.sorted().toList()) {
                if (Files.isRegularFile(folder.resolve(ProxyFiles.CONFIG_FILE))) {
                    ProxyFiles.Loaded loaded = ProxyFiles.load(folder, manager);
                    found.put(loaded.device(), ProxyGradient.prepare(loaded.net(), manager));
                }
            }
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot list the proxies (" + e.getMessage() + ")");
        }
        return new DiffDevices(found);
    }

    public Kind kind(DeviceSettings settings) {
        Kind kind = ndArrayKind(settings);
        return secants && kind != Kind.ANALYTIC && kind != Kind.PROXY && SecantAdjoint.covers(settings) ? Kind.SECANT : kind;
    }

    /** The kind of the NDArray stand-in {@link #forSettings} builds (never {@link Kind#SECANT}). */
    Kind ndArrayKind(DeviceSettings settings) {
        if (usesAnalytic(settings)) {
            return Kind.ANALYTIC;
        }
        if (proxies.containsKey(settings.device().name())) {
            return Kind.PROXY;
        }
        if (DryWetGradient.LINEAR_MIX_DEVICES.contains(settings.device().name())) {
            return Kind.DRY_WET;
        }
        return OutputGainGradient.OUTPUT_GAINS.containsKey(settings.device().name()) ? Kind.OUTPUT_GAIN : Kind.FROZEN;
    }

    /**
     * The differentiable version of one device of a chain, always straight-through: its value is the
     * reference device's, so a chain of them renders exactly what the reference renderer does, and
     * its gradient is the analytic version's, the proxy's, or the identity's.
     */
    public DiffDevice forSettings(DeviceSettings settings) {
        if (usesAnalytic(settings)) {
            DiffDevice exact = DiffDevice.analytic(settings).orElseThrow();
            StraightThroughDevice.GradientPath path = exact::apply;
            if (exact instanceof AnalyticEqEight eq) {
                path = (a, t, rate) -> eq.apply(a, t, rate, GRADIENT_TAIL);
            } else if (exact instanceof AnalyticSaturator sat) {
                path = (a, t, rate) -> sat.apply(a, t, rate, GRADIENT_TAIL);
            }
            return StraightThroughDevice.withGradient(settings, exact.parameters(), path);
        }
        ProxyNetwork proxy = proxies.get(settings.device().name());
        if (proxy == null) {
            if (DryWetGradient.LINEAR_MIX_DEVICES.contains(settings.device().name())) {
                DryWetGradient mix = new DryWetGradient(settings);
                return StraightThroughDevice.withGradient(settings, java.util.List.of(mix.parameter()), mix);
            }
            if (OutputGainGradient.OUTPUT_GAINS.containsKey(settings.device().name())) {
                OutputGainGradient level = new OutputGainGradient(settings);
                return StraightThroughDevice.withGradient(settings, java.util.List.of(level.parameter()), level);
            }
            return StraightThroughDevice.frozen(settings);
        }
        ProxyConditioning conditioning = new ProxyConditioning(settings.device());
        return StraightThroughDevice.withGradient(settings, conditioning.continuous(),
                new ProxyGradient(proxy, conditioning, settings));
    }
}
