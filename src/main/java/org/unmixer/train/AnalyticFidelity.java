package org.unmixer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import org.unmixer.audio.spectral.MultiResolutionStftDistance;
import org.unmixer.model.diff.AnalyticEqEight;
import org.unmixer.model.diff.AnalyticSaturator;
import org.unmixer.model.proxy.ProxyData;
import org.unmixer.params.DeviceSettings;

/**
 * How close an effect's analytic differentiable version comes to the reference device on the
 * held-out pairs a proxy is measured on: relative RMS error ‖analytic − device‖ / ‖device‖ (median
 * and worst) and the fidelity ratio MR-STFT(analytic, device) / MR-STFT(dry, device).
 */
public final class AnalyticFidelity {
    /** Devices with an analytic version. */
    public static boolean supports(String device) {
        return device.equals("EQ Eight") || device.equals("Saturator");
    }

    public record Result(int pairs, double medianRelativeError, double maxRelativeError, double fidelity) {
        public ObjectNode toJson() {
            return new ObjectMapper().createObjectNode().put("pairs", pairs).put("medianRelativeError", medianRelativeError)
                    .put("maxRelativeError", maxRelativeError).put("fidelity", fidelity);
        }
    }

    private AnalyticFidelity() {
    }

    /** Pairs {@code first … first + count − 1} of {@code data}. */
    public static Result measure(ProxyData data, int first, int count, int sampleRate) {
        String device = data.conditioning().device().name();
        if (!supports(device)) {
            throw new IllegalArgumentException(device + " has no analytic version");
        }
        MultiResolutionStftDistance d = MultiResolutionStftDistance.standard();
        double[] errors = new double[count];
        double analytic = 0;
        double dry = 0;
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int i = 0; i < count; i++) {
                ProxyData.Example e = data.example(first + i);
                float[] y;
                try (NDManager m = manager.newSubManager()) {
                    NDArray x = m.create(e.input()).reshape(1, e.input().length);
                    y = apply(device, e.settings(), x, m, sampleRate).toType(DataType.FLOAT32, false).toFloatArray();
                }
                double err = 0;
                double ref = 0;
                for (int k = 0; k < y.length; k++) {
                    double diff = y[k] - e.target()[k];
                    err += diff * diff;
                    ref += e.target()[k] * (double) e.target()[k];
                }
                errors[i] = ref > 0 ? Math.sqrt(err / ref) : Math.sqrt(err);
                analytic += d.distance(y, e.target());
                dry += d.distance(e.input(), e.target());
            }
        }
        double[] sorted = errors.clone();
        Arrays.sort(sorted);
        return new Result(count, sorted[count / 2], sorted[count - 1], analytic / dry);
    }

    private static NDArray apply(String device, DeviceSettings s, NDArray x, NDManager m, int sampleRate) {
        if (device.equals("EQ Eight")) {
            AnalyticEqEight eq = new AnalyticEqEight(s);
            return eq.apply(x, m.create(eq.theta(s)), sampleRate, sampleRate);
        }
        AnalyticSaturator sat = new AnalyticSaturator(s);
        return sat.apply(x, m.create(sat.theta(s)), sampleRate, sampleRate);
    }
}
