package org.unmixer.model.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.unmixer.dsp.effects.MultibandDynamics;
import org.unmixer.dsp.effects.PhaserFlanger;

/**
 * Each effect's proxy network, sized to what the effect does.
 *
 * <ul>
 *   <li>Saturator: a memoryless curve between short half-band filters (27 taps at 2×), a 5 Hz DC
 *       filter and a Color EQ — new harmonics, which only a sample-domain network makes: a
 *       {@link ProxyTcn}, kernel 3, dilations doubling over 8 layers, 511 samples (12 ms).</li>
 *   <li>EQ Eight: a linear filter — a {@link SpectralMaskProxy} without the frame network (2 048-sample
 *       frames, minimum phase), its eight bands through one shared band network (3 × 256) that is
 *       first fitted to band responses measured through the reference device
 *       ({@link EqEightBandResponses}), then kept as fitted while the rest trains on audio.</li>
 *   <li>Multiband Dynamics: a filter that follows the input's band levels — a
 *       {@link SpectralMaskProxy} (1 024-sample frames at a 256 hop; 32 feature bands, 96 gain
 *       points, 4 layers over frames with dilations 1–8: about ±90 ms of context). A 12-layer TCN
 *       (8 191 samples) reached only 0.90 (EQ Eight) and 0.71 (OTT) of the dry distance.</li>
 *   <li>Phaser-Flanger: all-passes or a delay line moved by an LFO (a side channel) — the grey-box
 *       {@link ModulatedFilterProxy}, whose paths follow the device's documented controls and
 *       whose networks learn the LFO's laws and corrections (0.637 of the dry distance, against
 *       0.724 for the spectral mask, which cannot draw a flanger's comb teeth).</li>
 *   <li>Reverb: a tail seconds long that a gain on the input's frames cannot make — a
 *       {@link ReverbTailProxy}: partitioned convolution (512-sample partitions, as long as the
 *       input) with noise shaped by an envelope the settings predict (48 points on log-frequency,
 *       a level and a decay rate per point, free offsets for the first 8 partitions: 93 ms).</li>
 * </ul>
 */
public final class ProxyDesigns {
    static final int CHANNELS = 16;
    static final int CONDITION_HIDDEN = 64;

    /** Every design by its name in a saved proxy ({@link ProxyFiles}) and on the command line. */
    public static final Map<String, Class<? extends ProxyNetwork.ProxyConfig>> CONFIG_TYPES = Map.of(
            ProxyTcn.Config.DESIGN, ProxyTcn.Config.class,
            SpectralMaskProxy.Config.DESIGN, SpectralMaskProxy.Config.class,
            ReverbTailProxy.Config.DESIGN, ReverbTailProxy.Config.class,
            ModulatedFilterProxy.Config.DESIGN, ModulatedFilterProxy.Config.class);

    private ProxyDesigns() {
    }

    /**
     * The named design sized for the device, or null when there is no design of that name (or it
     * does not apply to the device).
     */
    public static ProxyNetwork.ProxyConfig byName(String design, String device, ProxyConditioning conditioning) {
        return switch (design) {
            case ProxyTcn.Config.DESIGN -> tcn(device, conditioning.size());
            case SpectralMaskProxy.Config.DESIGN -> spectralMask(device, conditioning);
            case ReverbTailProxy.Config.DESIGN -> device.equals("Reverb") ? reverbTail(conditioning) : null;
            case ModulatedFilterProxy.Config.DESIGN -> device.equals(PhaserFlanger.DEVICE_NAME) ? modulatedFilter(conditioning) : null;
            default -> null;
        };
    }

    /** The design this project trains for the device. */
    public static ProxyNetwork.ProxyConfig forDevice(String device, ProxyConditioning conditioning) {
        boolean frameDomain = device.equals("EQ Eight") || device.equals(MultibandDynamics.DEVICE_NAME);
        if (device.equals("Reverb")) {
            return reverbTail(conditioning);
        }
        if (device.equals(PhaserFlanger.DEVICE_NAME)) {
            return modulatedFilter(conditioning);
        }
        return frameDomain ? spectralMask(device, conditioning) : tcn(device, conditioning.size());
    }

    /** Phaser-Flanger's grey-box design: 1 024-sample frames for the phaser, 32-sample control blocks, 16 echoes. */
    public static ModulatedFilterProxy.Config modulatedFilter(ProxyConditioning conditioning) {
        return new ModulatedFilterProxy.Config(2, conditioning.size(), 44_100, 1024, 32, CONDITION_HIDDEN, 16,
                knob(conditioning, "Notches"), knob(conditioning, "Center Freq"), knob(conditioning, "Spread"), knob(conditioning, "Flange Time"),
                knob(conditioning, "Doubler Time"), knob(conditioning, "Feedback"), knob(conditioning, "Dry/Wet"), knob(conditioning, "Amount"),
                conditioning.position("FB Inv"), conditioning.position("Mode"));
    }

    private static ModulatedFilterProxy.Knob knob(ProxyConditioning conditioning, String name) {
        org.unmixer.params.ParamSpec p = conditioning.continuous().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(conditioning.device().name() + " has no continuous \"" + name + "\""));
        if (p.taper() != org.unmixer.params.Taper.LIN && p.taper() != org.unmixer.params.Taper.LOG) {
            throw new IllegalArgumentException(name + ": only linear and log tapers can be read by a proxy");
        }
        return new ModulatedFilterProxy.Knob(conditioning.position(name), p.min(), p.max(), p.taper() == org.unmixer.params.Taper.LOG);
    }

    /** Reverb's design: an impulse response up to 1 024 partitions of 512 samples (11.9 s at 44.1 kHz). */
    public static ReverbTailProxy.Config reverbTail(ProxyConditioning conditioning) {
        return new ReverbTailProxy.Config(1, conditioning.size(), 44_100, 512, 48, 8, 128, 1024, 7);
    }

    /** The sample-domain design for the device. */
    public static ProxyTcn.Config tcn(String device, int conditionSize) {
        int layers = device.equals("Saturator") ? 8 : 12;
        List<Integer> dilations = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            dilations.add(1 << l);
        }
        return new ProxyTcn.Config(1 + ProxySideChannels.count(device), conditionSize, CHANNELS, 3, dilations, CONDITION_HIDDEN);
    }

    /** The frame-domain design for the device. */
    public static SpectralMaskProxy.Config spectralMask(String device, ProxyConditioning conditioning) {
        // EQ Eight's low bands need the finer frequency grid; dynamics and LFOs the finer time grid.
        boolean eq = device.equals("EQ Eight");
        int frame = eq ? 2048 : 1024;
        // EQ Eight is a linear filter: no gain that changes over time, and a band network wide and
        // deep enough to hold its eight types' responses within a fraction of a dB once it is
        // pre-trained on measured band responses (64 wide, 2 layers: 0.81 dB; 256, 3: 0.13 dB).
        return new SpectralMaskProxy.Config(1 + ProxySideChannels.count(device), conditioning.size(), 44_100, frame, 32, 96, 32, 3,
                List.of(1, 2, 4, 8), CONDITION_HIDDEN, conditioning.sections(), true, !eq, eq ? 256 : 0, eq ? 3 : 0);
    }
}
