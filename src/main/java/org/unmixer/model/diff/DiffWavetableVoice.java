package org.unmixer.model.diff;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.dsp.source.AmpEnvelope;
import org.unmixer.dsp.source.Note;
import org.unmixer.dsp.source.OscillatorBasis;
import org.unmixer.dsp.source.VoiceFilter;
import org.unmixer.dsp.source.WavetableControls;
import org.unmixer.dsp.source.WavetableVoice;
import org.unmixer.model.Scalars;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;

/**
 * The synth voice as a differentiable function of its continuous parameters (DDSP-style, exact):
 * the oscillators' sum is taken apart by {@link OscillatorBasis} — linear in the oscillators' gains
 * and Sub Tone, with exact first derivatives for wave position and pitch, rebuilt at the current θ
 * on every call so the value is the reference's and the gradient exact — then Filter 1 — its SVF
 * sections as biquads in the bilinear form the trapezoidal SVF realises,
 * H = m0 + (m1·s + m2)/(s² + k·s + 1), applied by FFT — the amp envelope in closed form at every
 * control block, ramped linearly in between, velocity and Volume, all NDArray operations in float64.
 * Everything after the oscillators is linear and time-invariant apart from the envelope's gain, so
 * this equals the reference voice up to the FFT filtering's tail and rounding.
 *
 * <p>θ: Volume; the estimated oscillator settings of each sounding oscillator — Osc 1 Pos, Osc 2
 * Pos, Detune and Gain, Sub Gain and Tone (a position only for a table of more than one frame);
 * Filter 1 Freq and Res (when Filter 1 is on); Amp Attack, Decay, Sustain, Release. Fixed by the
 * settings it was made from: the wavetables, whole-semitone transpositions, pans, unison, the
 * filter's type and slope and the envelope's slopes. Pitch gradients hold within a mip level and
 * are blind to a level change (the render jumps there).
 */
public final class DiffWavetableVoice {
    private static final int FILTER_TAIL = 4_096;

    private final VoiceLayout layout;
    private final WavetableControls controls;
    private final List<ParamSpec> parameters;
    private final Note note;
    private final int sampleRate;
    private final int frames;

    public DiffWavetableVoice(SynthSpec synth, SourceSpec source, int sampleRate) {
        this.layout = new VoiceLayout(synth, source, sampleRate);
        this.controls = layout.controls;
        this.parameters = layout.parameters;
        this.note = layout.note;
        this.sampleRate = sampleRate;
        this.frames = layout.frames;
    }

    /** The differentiable parameters, in θ's order. */
    public List<ParamSpec> parameters() {
        return parameters;
    }

    public float[] theta(DeviceSettings settings) {
        return DiffTaper.theta(parameters, settings);
    }

    /** The voice [2, frames] for θ [parameters] (float64). */
    public NDArray apply(NDManager m, NDArray theta) {
        NDArray th = DiffBiquads.toFloat64(theta);
        WavetableControls now = layout.controlsAt(th.toDoubleArray());
        NDArray x = oscillators(m, th, layout.basis(now), now);
        NDArray volumeDb = display(th, "Volume");
        if (controls.filter().on()) {
            NDArray hz = display(th, "Filter 1 Freq");
            NDArray res = Scalars.div(display(th, "Filter 1 Res"), 125);
            x = filter(m, x, hz, res);
        }
        NDArray attack = Scalars.div(display(th, "Amp Attack"), 1000);
        NDArray decay = Scalars.div(display(th, "Amp Decay"), 1000);
        NDArray sustainDb = display(th, "Amp Sustain");
        NDArray release = Scalars.div(display(th, "Amp Release"), 1000);
        NDArray sustain = dbToGain(sustainDb);
        NDArray gain = Scalars.mul(dbToGain(volumeDb), note.velocity() / 127.0);
        return x.mul(envelope(m, attack, decay, sustain, release).mul(gain).expandDims(0));
    }

    /** The display value of a parameter of θ, or null when it is not part of θ. */
    private NDArray display(NDArray th, String name) {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).name().equals(name)) {
                return DiffTaper.toDisplay(th.get(i), parameters.get(i));
            }
        }
        return null;
    }

    /**
     * The oscillators' sum: Σ gain·(unit + Δposition·∂/∂position + Δsemitones·∂/∂semitones), where
     * each Δ is x − stopgrad(x) (zero in value, one in gradient), so the value is the basis's sum at
     * the current settings and the gradient the sum's exact first derivative.
     */
    private NDArray oscillators(NDManager m, NDArray th, OscillatorBasis b, WavetableControls now) {
        NDArray x = m.zeros(new Shape(2, frames), ai.djl.ndarray.types.DataType.FLOAT64);
        if (b.osc1() != null) {
            NDArray part = create(m, b.osc1().unit());
            NDArray position = display(th, "Osc 1 Pos");
            if (position != null) {
                part = part.add(create(m, b.osc1().perPosition()).mul(Scalars.div(zeroValued(position), 100)));
            }
            x = x.add(Scalars.mul(part, Math.max(now.osc1().leftGain(), now.osc1().rightGain())));
        }
        if (b.osc2() != null) {
            NDArray part = create(m, b.osc2().unit());
            NDArray position = display(th, "Osc 2 Pos");
            if (position != null) {
                part = part.add(create(m, b.osc2().perPosition()).mul(Scalars.div(zeroValued(position), 100)));
            }
            NDArray detune = display(th, "Osc 2 Detune");
            NDArray gainDb = display(th, "Osc 2 Gain");
            if (detune != null) {
                part = part.add(create(m, b.osc2().perSemitone()).mul(Scalars.div(zeroValued(detune), 100)));
            }
            x = x.add(gainDb != null ? part.mul(dbToGain(gainDb)) : Scalars.mul(part, Math.max(now.osc2().leftGain(), now.osc2().rightGain())));
        }
        if (b.subSine() != null) {
            NDArray gainDb = display(th, "Sub Gain");
            NDArray tone = display(th, "Sub Tone");
            NDArray sine = create(m, b.subSine());
            NDArray harmonics = create(m, b.subHarmonics());
            NDArray sub = tone != null ? sine.add(harmonics.mul(Scalars.div(tone, 100))) : sine.add(Scalars.mul(harmonics, now.sub().tone()));
            x = x.add(gainDb != null ? sub.mul(dbToGain(gainDb)) : Scalars.mul(sub, now.sub().gain()));
        }
        return x;
    }

    private static NDArray zeroValued(NDArray v) {
        return v.sub(v.stopGradient());
    }

    private NDArray create(NDManager m, double[][] stereo) {
        double[] flat = new double[2 * frames];
        System.arraycopy(stereo[0], 0, flat, 0, frames);
        System.arraycopy(stereo[1], 0, flat, frames, frames);
        return m.create(flat).reshape(2, frames);
    }

    private static NDArray dbToGain(NDArray db) {
        return Scalars.mul(db, Math.log(10) / 20).exp();
    }

    /** Filter 1 as one or two SVF sections (VoiceFilter's laws) applied by FFT. */
    private NDArray filter(NDManager m, NDArray x, NDArray hz, NDArray res) {
        WavetableControls.Filter f = controls.filter();
        double fs = sampleRate;
        NDArray g = Scalars.mul(hz.clip(org.unmixer.dsp.filter.Svf.MIN_CUTOFF_HZ, org.unmixer.dsp.filter.Svf.MAX_CUTOFF_FRACTION * fs),
                Math.PI / fs).tan();
        List<NDArray> qs = new ArrayList<>();
        if (f.poles() == 2) {
            qs.add(resonanceQ(res, VoiceFilter.Q_12DB));
        } else {
            qs.add(m.create(VoiceFilter.Q_24DB_LOW));
            qs.add(resonanceQ(res, VoiceFilter.Q_24DB_HIGH));
        }
        int fftSize = DiffBiquads.fftSize(frames, FILTER_TAIL);
        DiffBiquads.Trig grid = DiffBiquads.grid(m, fftSize);
        DiffBiquads.Complex h = DiffBiquads.unit(m, fftSize);
        for (NDArray q : qs) {
            h = h.times(section(m, f, g, Scalars.pow(q, -1)).response(grid));
        }
        return DiffBiquads.filter(x, h, fftSize);
    }

    /** Q = q0·(Q_MAX/q0)^r. */
    private static NDArray resonanceQ(NDArray r, double q0) {
        return Scalars.mul(Scalars.mul(r, Math.log(VoiceFilter.MAX_Q / q0)).exp(), q0);
    }

    /**
     * One SVF section as a biquad: with s = (1/g)(1 − z⁻¹)/(1 + z⁻¹), the denominator
     * (s² + k·s + 1)·g²(1 + z⁻¹)² has a0 = 1 + kg + g², a1 = 2g² − 2, a2 = 1 − kg + g², and the
     * numerator m0·(…) + m1·g(1 − z⁻²) + m2·g²(1 + z⁻¹)².
     */
    private static DiffBiquads.Coefficients section(NDManager m, WavetableControls.Filter f, NDArray g, NDArray k) {
        NDArray zero = m.zeros(new Shape(), g.getDataType());
        NDArray one = zero.add(1);
        NDArray[] mix = switch (f.type()) {
            case LOWPASS -> new NDArray[] {zero, zero, one};
            case HIGHPASS -> new NDArray[] {one, k.neg(), one.neg()};
            case BANDPASS -> new NDArray[] {zero, one, zero};
            case NOTCH -> new NDArray[] {one, k.neg(), zero};
            case MORPH -> morph(f.morph(), k, zero, one);
        };
        NDArray g2 = g.square();
        NDArray kg = k.mul(g);
        NDArray a0 = g2.add(kg).add(1);
        NDArray a1 = Scalars.mul(g2, 2).sub(2);
        NDArray a2 = g2.sub(kg).add(1);
        NDArray b0 = mix[0].mul(a0).add(mix[1].mul(g)).add(mix[2].mul(g2));
        NDArray b1 = mix[0].mul(a1).add(Scalars.mul(mix[2].mul(g2), 2));
        NDArray b2 = mix[0].mul(a2).sub(mix[1].mul(g)).add(mix[2].mul(g2));
        return new DiffBiquads.Coefficients(b0, b1, b2, a0, a1, a2);
    }

    /** VoiceFilter.morphMix with the damping k differentiable. */
    private static NDArray[] morph(double morph, NDArray k, NDArray zero, NDArray one) {
        NDArray[][] corners = {{zero, zero, one}, {zero, one, zero}, {one, k.neg(), one.neg()}, {one, k.neg(), zero}, {zero, zero, one}};
        double x = morph * 4;
        int i = Math.min((int) Math.floor(x), 3);
        double w = x - i;
        NDArray[] out = new NDArray[3];
        for (int j = 0; j < 3; j++) {
            out[j] = Scalars.mul(corners[i][j], 1 - w).add(Scalars.mul(corners[i + 1][j], w));
        }
        return out;
    }

    /**
     * The amp envelope at every sample: AmpEnvelope.level at each control block's start, ramped
     * linearly to the next, as the reference voice does. Which segment a block is in is decided from
     * the current values (a branch, not differentiated); the levels within it are.
     */
    private NDArray envelope(NDManager m, NDArray attack, NDArray decay, NDArray sustain, NDArray release) {
        int block = WavetableVoice.CONTROL_BLOCK;
        int blocks = (frames + block - 1) / block;
        double a = attack.getDouble();
        double d = decay.getDouble();
        double r = release.getDouble();
        double gate = note.gateSeconds();
        AmpEnvelope shapeOf = controls.envelope();
        double cA = AmpEnvelope.SLOPE_CURVATURE * shapeOf.attackSlope();
        double cD = AmpEnvelope.SLOPE_CURVATURE * shapeOf.decaySlope();
        double cR = AmpEnvelope.SLOPE_CURVATURE * shapeOf.releaseSlope();
        NDArray held = held(m, gate, a, d, attack, decay, sustain, cA, cD);
        // Block start times fall into contiguous runs: attack, decay, sustain (before the gate),
        // release, silence; each run is one vectorised expression.
        List<List<Double>> runs = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            runs.add(new ArrayList<>());
        }
        for (int b = 0; b <= blocks; b++) {
            double t = (double) b * block / sampleRate;
            int run = t < gate ? (t < a ? 0 : t - a < d ? 1 : 2) : ((t - gate) / r < 1 ? 3 : 4);
            runs.get(run).add(t);
        }
        List<NDArray> levels = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            List<Double> times = runs.get(k);
            if (times.isEmpty()) {
                continue;
            }
            NDArray t = m.create(times.stream().mapToDouble(Double::doubleValue).toArray());
            levels.add(switch (k) {
                case 0 -> shape(t.div(attack), cA);
                case 1 -> sustain.sub(1).mul(shape(t.sub(attack).div(decay), cD)).add(1);
                case 2 -> sustain.mul(t.zerosLike().add(1));
                case 3 -> held.mul(shape(t.sub(gate).div(release), cR).neg().add(1));
                default -> t.zerosLike();
            });
        }
        NDArray e = ai.djl.ndarray.NDArrays.concat(new ai.djl.ndarray.NDList(levels), 0);
        NDArray e0 = e.get("0:" + blocks).reshape(blocks, 1);
        NDArray e1 = e.get("1:").reshape(blocks, 1);
        double[] ramp = new double[block];
        for (int i = 0; i < block; i++) {
            ramp[i] = (double) i / block;
        }
        NDArray perSample = e0.add(e1.sub(e0).mul(m.create(ramp).reshape(1, block))).reshape(-1);
        return perSample.get("0:" + frames);
    }

    private static NDArray held(NDManager m, double t, double a, double d, NDArray attack, NDArray decay, NDArray sustain,
            double cA, double cD) {
        if (t < 0) {
            return Scalars.mul(sustain, 0);
        }
        if (t < a) {
            return shape(Scalars.mul(Scalars.pow(attack, -1), t), cA);
        }
        if (t - a < d) {
            return sustain.sub(1).mul(shape(attack.neg().add(t).div(decay), cD)).add(1);
        }
        return sustain;
    }

    /** AmpEnvelope.shape with u differentiable: (1 − e^(−c·u))/(1 − e^(−c)), or u. */
    private static NDArray shape(NDArray u, double c) {
        if (Math.abs(c) < 1e-9) {
            return u;
        }
        return Scalars.div(Scalars.mul(u, -c).exp().sub(1), Math.expm1(-c));
    }
}
