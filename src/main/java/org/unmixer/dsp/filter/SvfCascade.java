package org.unmixer.dsp.filter;

/**
 * A cascade of {@link Svf} sections on one channel, run fast: the trapezoidal SVF (dsp-reference
 * §1.3) in its equivalent state-space form on the same two states (ic1eq, ic2eq), sections taken in
 * pairs inside one loop. With v3 = v0 − ic2eq, v1 = a1·ic1eq + a2·v3, v2 = ic2eq + a2·ic1eq + a3·v3:
 * <pre>
 * ic1eq' = (2a1 − 1)·ic1eq − 2a2·ic2eq + 2a2·v0
 * ic2eq' = 2a2·ic1eq + (1 − 2a3)·ic2eq + 2a3·v0
 * y      = (m1·a1 + m2·a2)·ic1eq + (m2·(1 − a3) − m1·a2)·ic2eq + (m0 + m1·a2 + m2·a3)·v0
 * </pre>
 * Same filter and states as {@link SvfFilter} (tested to agree), with a shorter loop-carried
 * dependency chain (one multiply and two adds per state), so that two sections in one loop cost
 * little more than one. Coefficients are fixed for the instance; create one per channel per render.
 */
public final class SvfCascade {
    /** Per section: a11, a12, b1, a21, a22, b2, c1, c2, d. */
    private final double[][] k;
    /** Per section: ic1eq, ic2eq. */
    private final double[][] state;

    public SvfCascade(Svf... sections) {
        k = new double[sections.length][];
        for (int s = 0; s < sections.length; s++) {
            Svf c = sections[s];
            k[s] = new double[] {
                2 * c.a1() - 1, -2 * c.a2(), 2 * c.a2(),
                2 * c.a2(), 1 - 2 * c.a3(), 2 * c.a3(),
                c.m1() * c.a1() + c.m2() * c.a2(), c.m2() * (1 - c.a3()) - c.m1() * c.a2(),
                c.m0() + c.m1() * c.a2() + c.m2() * c.a3()};
        }
        state = new double[sections.length][2];
    }

    /** Filters {@code x[from..to)} in place through every section. */
    public void processInPlace(double[] x, int from, int to) {
        int s = 0;
        for (; s + 1 < k.length; s += 2) {
            runPair(k[s], k[s + 1], state[s], state[s + 1], x, from, to);
        }
        if (s < k.length) {
            runOne(k[s], state[s], x, from, to);
        }
    }

    private static void runOne(double[] k, double[] st, double[] x, int from, int to) {
        final double a11 = k[0], a12 = k[1], b1 = k[2], a21 = k[3], a22 = k[4], b2 = k[5];
        final double c1 = k[6], c2 = k[7], d = k[8];
        double s1 = st[0];
        double s2 = st[1];
        for (int i = from; i < to; i++) {
            double v0 = x[i];
            x[i] = c1 * s1 + c2 * s2 + d * v0;
            double n1 = a11 * s1 + (a12 * s2 + b1 * v0);
            s2 = a21 * s1 + (a22 * s2 + b2 * v0);
            s1 = n1;
        }
        st[0] = s1;
        st[1] = s2;
    }

    private static void runPair(double[] k, double[] q, double[] st, double[] su, double[] x, int from, int to) {
        final double a11 = k[0], a12 = k[1], b1 = k[2], a21 = k[3], a22 = k[4], b2 = k[5];
        final double c1 = k[6], c2 = k[7], d = k[8];
        final double e11 = q[0], e12 = q[1], f1 = q[2], e21 = q[3], e22 = q[4], f2 = q[5];
        final double g1 = q[6], g2 = q[7], h = q[8];
        double s1 = st[0];
        double s2 = st[1];
        double u1 = su[0];
        double u2 = su[1];
        for (int i = from; i < to; i++) {
            double v0 = x[i];
            double y = c1 * s1 + c2 * s2 + d * v0;
            double n1 = a11 * s1 + (a12 * s2 + b1 * v0);
            s2 = a21 * s1 + (a22 * s2 + b2 * v0);
            s1 = n1;
            x[i] = g1 * u1 + g2 * u2 + h * y;
            double w1 = e11 * u1 + (e12 * u2 + f1 * y);
            u2 = e21 * u1 + (e22 * u2 + f2 * y);
            u1 = w1;
        }
        st[0] = s1;
        st[1] = s2;
        su[0] = u1;
        su[1] = u2;
    }
}
