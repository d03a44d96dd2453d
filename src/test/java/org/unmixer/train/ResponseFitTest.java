package org.unmixer.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.XavierInitializer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unmixer.model.proxy.EqEightBandResponses;
import org.unmixer.model.proxy.SpectralMaskProxy;

class ResponseFitTest {
    /** A "band" of two values (corner position, gain) whose log-response is a smooth shelf on the grid. */
    private static EqEightBandResponses.Pair bump(SplittableRandom r, int points) {
        float centre = (float) r.nextDouble();
        float gain = (float) (r.nextDouble() * 2 - 1);
        float[] log = new float[points];
        for (int j = 0; j < points; j++) {
            double u = (double) j / (points - 1) - centre;
            log[j] = (float) (gain * Math.tanh(u / 0.2));
        }
        return new EqEightBandResponses.Pair(new float[] {centre, gain}, log);
    }

    @Test
    void fittingTheSectionNetworkLowersItsHeldOutErrorAndMovesNothingElse() {
        int points = 16;
        SplittableRandom r = new SplittableRandom(3);
        List<EqEightBandResponses.Pair> train = new ArrayList<>();
        List<EqEightBandResponses.Pair> heldOut = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            (i < 300 ? train : heldOut).add(bump(r, points));
        }
        SpectralMaskProxy.Config config = new SpectralMaskProxy.Config(1, 4, 44_100, 256, 8, points, 8, 3, List.of(1), 8,
                List.of(List.of(0, 1), List.of(2, 3)), true, false, 64, 2);
        ai.djl.engine.Engine.getInstance().setRandomSeed(3);
        try (NDManager m = NDManager.newBaseManager()) {
            SpectralMaskProxy net = config.build();
            net.setInitializer(new XavierInitializer(), ai.djl.nn.Parameter.Type.WEIGHT);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 1, 512), new Shape(1, 4));
            java.util.function.Supplier<float[]> staticWeights = () -> net.getParameters().stream()
                    .filter(p -> p.getKey().contains("static_output")).findFirst().orElseThrow().getValue().getArray().toFloatArray();
            float[] staticBefore = staticWeights.get();
            ResponseFit.Result result = new ResponseFit(new ResponseFit.Config(600, 64, 5e-3, 5))
                    .fit(ResponseFit.sections(net), net.sectionParameters(), train, heldOut, m, 1, (step, total, loss) -> { });
            assertThat(result.heldOutDbAfter()).isLessThan(0.3 * result.heldOutDbBefore());
            assertThat(staticWeights.get()).containsExactly(staticBefore);
        }
    }
}
