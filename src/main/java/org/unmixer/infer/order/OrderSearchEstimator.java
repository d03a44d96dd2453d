package org.unmixer.infer.order;

import java.util.ArrayList;
import java.util.List;
import org.unmixer.infer.Candidate;
import org.unmixer.infer.Estimation;
import org.unmixer.infer.EstimationInput;
import org.unmixer.infer.Estimator;
import org.unmixer.infer.LevelMatch;

/**
 * Any estimator, then an {@link OrderSearch} of its best candidate's chain ({@code "+order"}): the
 * effect set and every setting are the inner estimator's, only the order is chosen by listening.
 * A reordered patch is level-matched again (its non-linear devices now hear another level). The
 * other candidates are kept as they are.
 */
public final class OrderSearchEstimator implements Estimator, AutoCloseable {
    public static final String SUFFIX = "+order";

    private final Estimator inner;

    public OrderSearchEstimator(Estimator inner) {
        this.inner = inner;
    }

    @Override
    public String name() {
        return inner.name() + SUFFIX;
    }

    @Override
    public Estimation estimate(EstimationInput input) {
        long start = System.nanoTime();
        Estimation e = inner.estimate(input);
        Candidate best = e.candidates().get(0);
        OrderSearch.Result searched = OrderSearch.best(best.patch(), input.target());
        int renders = e.renders() + searched.renders();
        List<Candidate> out = new ArrayList<>(e.candidates());
        if (searched.reordered()) {
            LevelMatch.Result matched = LevelMatch.standard().match(searched.patch(), input.target());
            renders += matched.renders();
            out.set(0, new Candidate(matched.patch(), best.score()));
        }
        return new Estimation(out, renders, System.nanoTime() - start);
    }

    @Override
    public void close() throws Exception {
        if (inner instanceof AutoCloseable a) {
            a.close();
        }
    }
}
