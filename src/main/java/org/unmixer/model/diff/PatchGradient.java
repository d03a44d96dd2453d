package org.unmixer.model.diff;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.spectral.MrStftGradient;
import org.unmixer.dsp.Effect;
import org.unmixer.dsp.Effects;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;

/**
 * The reference renderer's MR-STFT distance from a patch to a target, and its gradient with respect
 * to the patch's differentiable parameters θ (normalised, in [0, 1]): the synth's level, oscillators, Filter 1
 * and amp envelope ({@link DiffWavetableVoice}) when the source is a synth note, then each chain
 * device's parameters as {@link DiffDevices} makes it differentiable.
 *
 * <p>The render is straight-through: its value is exactly the reference renderer's, and the
 * gradient of the distance (exact, {@link MrStftGradient}) is pulled back through the stand-ins —
 * in plain Java ({@link DeviceAdjoint}s, {@link VoiceAdjoint}) whenever every device of the chain
 * has one, which is every device but a neural proxy, else through DJL's autograd over the NDArray
 * stand-ins (the two agree within 1e-6; the plain-Java pass is several times faster). The
 * patch's other settings (source, oscillators, discrete switches, frozen devices) stay as given.
 * Both inference-time finetuning (one sound, many steps) and the estimator's spectral loss term
 * (many sounds, one step each) are built on this.
 *
 * <p>Not thread-safe, and only one may evaluate at a time in the process: DJL allows a single
 * gradient collector at once.
 */
public final class PatchGradient {
    /** The distance and its gradient with respect to θ. */
    public record ValueAndGradient(double value, double[] gradient) {}

    private final Patch start;
    private final List<DiffDevice> devices = new ArrayList<>();
    private final Optional<DiffWavetableVoice> voice;
    private final Optional<VoiceAdjoint> voiceAdjoint;
    private final List<String> names = new ArrayList<>();
    private final List<Integer> offsets = new ArrayList<>();
    private final double[] theta0;
    private final int synthParams;
    private final int rate;
    private final AudioBuffer dry;
    private final int length;
    private final MrStftGradient distance;
    /** The plain-Java adjoints of the chain's stand-ins, when every one has one (else DJL does the backward pass). */
    private final Optional<List<DeviceAdjoint>> adjoints;
    private final List<Effect> effects = new ArrayList<>();
    /** Each device's part of θ, in order: the adjoints' parameters on the plain-Java path, else the NDArray stand-ins'. */
    private final List<List<ParamSpec>> deviceParameters = new ArrayList<>();

    /**
     * @param start the patch whose θ moves (its other settings are kept)
     * @param target the sound to approach; render and target are compared as AudioMetrics compares
     *     them: mono, the shorter zero-padded to the longer
     * @param refineSynth whether the synth's parameters are part of θ (only for a synth source)
     */
    public PatchGradient(Patch start, AudioBuffer target, DiffDevices diff, boolean refineSynth) {
        this.start = start;
        this.rate = target.sampleRate();
        List<DeviceAdjoint> plain = new ArrayList<>();
        for (DeviceSettings d : start.chain()) {
            devices.add(diff.forSettings(d));
            effects.add(Effects.forDevice(d.device().name()));
            DeviceAdjoints.forSettings(d, diff).ifPresent(plain::add);
        }
        this.dry = Renderer.renderSource(start.source(), start.synth(), rate, start.source().totalSeconds());
        boolean synth = refineSynth && start.synth().isPresent() && start.source().kind() == SourceKind.SYNTH;
        this.voice = synth ? Optional.of(new DiffWavetableVoice(start.synth().orElseThrow(), start.source(), rate)) : Optional.empty();
        this.voiceAdjoint = synth ? Optional.of(new VoiceAdjoint(start.synth().orElseThrow(), start.source(), rate)) : Optional.empty();
        this.length = Math.max(dry.frames(), target.frames());
        this.distance = new MrStftGradient(Arrays.copyOf(target.mixToMono(), length));
        boolean plainJava = plain.size() == devices.size();
        this.adjoints = plainJava ? Optional.of(List.copyOf(plain)) : Optional.empty();
        List<Double> t0 = new ArrayList<>();
        voice.ifPresent(v -> {
            DeviceSettings settings = start.synth().orElseThrow().settings();
            for (ParamSpec param : v.parameters()) {
                t0.add(settings.normalized(param.name()));
                names.add(settings.device().name() + "/" + param.name());
            }
        });
        this.synthParams = t0.size();
        for (int k = 0; k < devices.size(); k++) {
            offsets.add(t0.size());
            DeviceSettings settings = start.chain().get(k);
            List<ParamSpec> params = plainJava ? plain.get(k).parameters() : devices.get(k).parameters();
            deviceParameters.add(params);
            for (ParamSpec param : params) {
                t0.add(settings.normalized(param.name()));
                names.add(settings.device().name() + "/" + param.name());
            }
        }
        this.theta0 = t0.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Number of parameters in θ. */
    public int size() {
        return theta0.length;
    }

    /** "Device/Parameter" of each θ entry (the dataset's column names), synth first, then the chain in order. */
    public List<String> names() {
        return List.copyOf(names);
    }

    /** θ of the starting patch. */
    public double[] theta0() {
        return theta0.clone();
    }

    /** Whether the synth's parameters are part of θ. */
    public boolean refinesSynth() {
        return voice.isPresent();
    }

    /** The reference distance of the patch with θ, and (when {@code withGradient}) its gradient. */
    public ValueAndGradient evaluate(double[] theta, boolean withGradient) {
        if (theta.length != theta0.length) {
            throw new IllegalArgumentException("θ has " + theta.length + " entries, the patch " + theta0.length);
        }
        return adjoints.isPresent() ? evaluateInPlainJava(theta, withGradient) : evaluateWithNdArrays(theta, withGradient);
    }

    /**
     * The reference distance to the target of any patch with this one's source and length (a
     * discrete move's neighbour, whose chain or synth may differ): rendered, no gradient. Safe to
     * call from several threads at once.
     */
    public double distanceOf(Patch patch) {
        return distance.value(Arrays.copyOf(Renderer.render(patch, rate).mixToMono(), length));
    }

    /** Whether the backward pass runs in plain Java ({@link DeviceAdjoint}s) rather than through DJL's autograd. */
    boolean plainJava() {
        return adjoints.isPresent();
    }

    /**
     * The reference render stage by stage (each device's input kept), the distance's gradient, then
     * each stand-in's vector-Jacobian product from the last device back to the first.
     */
    private ValueAndGradient evaluateInPlainJava(double[] theta, boolean withGradient) {
        Patch patch = patch(theta);
        AudioBuffer audio = voice.isPresent()
                ? Renderer.renderSource(patch.source(), patch.synth(), rate, patch.source().totalSeconds())
                : dry;
        List<AudioBuffer> inputs = new ArrayList<>();
        for (int k = 0; k < devices.size(); k++) {
            inputs.add(audio);
            if (withGradient) {
                adjoints.orElseThrow().get(k).forwardInput(audio, Arrays.copyOfRange(theta, offsets.get(k), end(k, theta)));
            }
            audio = effects.get(k).render(audio, patch.chain().get(k));
        }
        float[] mono = Arrays.copyOf(audio.mixToMono(), length);
        if (!withGradient) {
            return new ValueAndGradient(distance.value(mono), null);
        }
        MrStftGradient.ValueAndGradient v = distance.evaluate(mono);
        // The mono mix is the channels' mean, so each channel gets 1/channels of ∂distance/∂mono.
        double[][] upstream = new double[audio.channelCount()][audio.frames()];
        for (double[] channel : upstream) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = v.gradient()[i] / upstream.length;
            }
        }
        double[] gradient = new double[theta.length];
        double[][] output = devices.isEmpty() ? null : AudioArrays.toDouble(audio);
        for (int k = devices.size() - 1; k >= 0; k--) {
            int from = offsets.get(k);
            int to = end(k, theta);
            double[] part = new double[to - from];
            double[][] input = AudioArrays.toDouble(inputs.get(k));
            upstream = adjoints.orElseThrow().get(k).pullBack(input, output, Arrays.copyOfRange(theta, from, to), rate, upstream, part);
            System.arraycopy(part, 0, gradient, from, part.length);
            output = input; // device k's input is device k − 1's output
        }
        if (voiceAdjoint.isPresent()) {
            double[] synthPart = voiceAdjoint.get().pullBack(Arrays.copyOf(theta, synthParams), upstream);
            System.arraycopy(synthPart, 0, gradient, 0, synthParams);
        }
        return new ValueAndGradient(v.value(), gradient);
    }

    /** Where device k's part of θ ends. */
    private int end(int k, double[] theta) {
        return k + 1 < devices.size() ? offsets.get(k + 1) : theta.length;
    }

    /** {@link #evaluate} with every stand-in's gradient from DJL's autograd. */
    ValueAndGradient evaluateWithNdArrays(double[] theta, boolean withGradient) {
        for (int k = 0; k < devices.size(); k++) {
            if (!devices.get(k).parameters().equals(deviceParameters.get(k))) {
                throw new IllegalStateException(start.chain().get(k).device().name() + "'s θ has no NDArray stand-in (secant gradients)");
            }
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray th = m.create(theta);
            th.setRequiresGradient(withGradient);
            if (!withGradient) {
                return new ValueAndGradient(distance.evaluate(mono(render(m, th, theta))).value(), null);
            }
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray mono = render(m, th, theta).mean(new int[] {0});
                MrStftGradient.ValueAndGradient v = distance.evaluate(padded(mono.toDoubleArray()));
                // ∂distance/∂audio is known; ⟨audio, that⟩ has the same gradient with respect to θ.
                NDArray surrogate = mono.mul(m.create(Arrays.copyOf(v.gradient(), (int) mono.size()))).sum();
                gc.backward(surrogate);
                return new ValueAndGradient(v.value(), th.getGradient().toDoubleArray());
            }
        }
    }

    /** The patch with θ in place of the starting values. */
    public Patch patch(double[] theta) {
        Patch p = voice.isPresent() ? withSynthTheta(theta) : start;
        List<DeviceSettings> chain = new ArrayList<>();
        for (int k = 0; k < devices.size(); k++) {
            DeviceSettings s = p.chain().get(k);
            int i = offsets.get(k);
            for (ParamSpec param : deviceParameters.get(k)) {
                s = s.withNormalized(param.name(), theta[i++]);
            }
            chain.add(s);
        }
        return p.withChain(chain);
    }

    /** The stereo render [2, samples]: every stage's value the reference's, gradients through the stand-ins. */
    private NDArray render(NDManager m, NDArray th, double[] theta) {
        NDArray audio = voice.isPresent() ? synthStraightThrough(m, th.get("0:" + synthParams), theta) : m.create(dry.channels());
        for (int k = 0; k < devices.size(); k++) {
            int from = offsets.get(k);
            int to = k + 1 < devices.size() ? offsets.get(k + 1) : theta.length;
            audio = devices.get(k).apply(audio, from == to ? null : th.get(from + ":" + to), rate);
        }
        return audio;
    }

    /** The synth straight-through: the reference voice's render for θ_s as the value, the differentiable voice's gradient. */
    private NDArray synthStraightThrough(NDManager m, NDArray thetaSynth, double[] theta) {
        Patch current = withSynthTheta(theta);
        AudioBuffer reference = Renderer.renderSource(current.source(), current.synth(), rate, current.source().totalSeconds());
        NDArray g = voice.orElseThrow().apply(m, thetaSynth);
        double[] flat = new double[2 * reference.frames()];
        for (int c = 0; c < 2; c++) {
            float[] ch = reference.channel(c);
            for (int i = 0; i < ch.length; i++) {
                flat[c * ch.length + i] = ch[i];
            }
        }
        return m.create(flat).reshape(2, reference.frames()).add(g.sub(g.stopGradient()));
    }

    private Patch withSynthTheta(double[] theta) {
        SynthSpec s = start.synth().orElseThrow();
        DeviceSettings settings = s.settings();
        int i = 0;
        for (ParamSpec param : voice.orElseThrow().parameters()) {
            settings = settings.withNormalized(param.name(), theta[i++]);
        }
        return new Patch(start.source(), Optional.of(new SynthSpec(settings, s.oscillator1(), s.oscillator2(), s.unison())), start.chain());
    }

    private float[] mono(NDArray stereo) {
        return padded(stereo.mean(new int[] {0}).toDoubleArray());
    }

    private float[] padded(double[] x) {
        float[] out = new float[length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) x[i];
        }
        return out;
    }
}
