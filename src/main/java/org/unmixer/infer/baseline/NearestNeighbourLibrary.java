package org.unmixer.infer.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.infer.PatchPrior;
import org.unmixer.infer.RenderMeter;
import org.unmixer.params.BadInputException;

/**
 * The {@code nn} baseline's library: N patches drawn from a prior (indices 0..N−1), each rendered
 * once with one library source at {@link Renderer#DEFAULT_RATE} and embedded by
 * {@link LogMelEmbedding}. Built once and shared by every query (read-only after construction, so
 * safe to share between threads). Its N renders are a one-off cost reported by {@link #renders()},
 * not charged to any query.
 *
 * <p>Distances are Euclidean after standardising each embedding value by its standard deviation
 * over the library (the embedding mixes levels in nepers, changes per frame and envelope values of
 * different spreads; unscaled, the widest-spread group decides alone). A value constant over the
 * library is compared unscaled.
 */
public final class NearestNeighbourLibrary {
    /** The default library size. */
    public static final int DEFAULT_SIZE = 20_000;

    private final List<Patch> patches;
    private final float[][] embeddings;
    /** Per embedding value, 1 / (its standard deviation over the library)², or 1 where it is constant. */
    private final double[] weights;

    private NearestNeighbourLibrary(List<Patch> patches, float[][] embeddings) {
        this.patches = List.copyOf(patches);
        this.embeddings = embeddings;
        this.weights = inverseVariances(embeddings);
    }

    /** 1 / variance of each column over the rows, 1 for (numerically) constant columns. */
    static double[] inverseVariances(float[][] rows) {
        int dim = rows[0].length;
        float[] stats = LogMelEmbedding.meanAndStd(rows);
        double[] out = new double[dim];
        for (int j = 0; j < dim; j++) {
            double mean = stats[j];
            double std = stats[dim + j];
            out[j] = std > 1e-6 * (1 + Math.abs(mean)) ? 1 / (std * std) : 1;
        }
        return out;
    }

    /** The standardised distance between a query and entry i. */
    private double distance(float[] query, int i) {
        float[] e = embeddings[i];
        if (query.length != e.length) {
            throw new IllegalArgumentException("embeddings of different length " + query.length + " and " + e.length);
        }
        double s = 0;
        for (int j = 0; j < e.length; j++) {
            double d = (double) query[j] - e[j];
            s += d * d * weights[j];
        }
        return Math.sqrt(s);
    }

    /**
     * Draws and renders {@code size} patches. With {@code threads} > 1 the renders run on a private
     * pool of that many workers; every entry lands at its own index, so the library is the same
     * whatever the thread count. Interrupting the calling thread stops the build with
     * {@link CancellationException}.
     *
     * @param prior the patches to draw (index i → entry i)
     * @param size N ≥ 1
     * @param source the source every library patch is drawn and rendered with (note, length)
     * @param threads worker threads, ≥ 1 (2 is the intended maximum on the project's machines)
     */
    public static NearestNeighbourLibrary build(PatchPrior prior, int size, SourceSpec source, int threads) {
        if (size < 1) {
            throw new BadInputException("nn: library size " + size + " must be at least 1");
        }
        if (threads < 1) {
            throw new BadInputException("nn: threads " + threads + " must be at least 1");
        }
        Objects.requireNonNull(prior, "prior");
        LogMelEmbedding embedding = new LogMelEmbedding();
        Patch[] patches = new Patch[size];
        float[][] embeddings = new float[size][];
        if (threads == 1) {
            for (int i = 0; i < size; i++) {
                RenderMeter.checkInterrupted();
                patches[i] = prior.sample(i, source);
                embeddings[i] = embedding.embed(Renderer.render(patches[i], Renderer.DEFAULT_RATE));
            }
        } else {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                pool.submit(() -> IntStream.range(0, size).parallel().forEach(i -> {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("library build interrupted");
                    }
                    patches[i] = prior.sample(i, source);
                    embeddings[i] = embedding.embed(Renderer.render(patches[i], Renderer.DEFAULT_RATE));
                })).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("library build interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return new NearestNeighbourLibrary(List.of(patches), embeddings);
    }

    /** A library from given patches and their embeddings (e.g. loaded from disk). */
    public static NearestNeighbourLibrary of(List<Patch> patches, List<float[]> embeddings) {
        if (patches.isEmpty() || patches.size() != embeddings.size()) {
            throw new BadInputException("nn: library needs as many embeddings as patches, at least one; got "
                    + patches.size() + " patches and " + embeddings.size() + " embeddings");
        }
        int dim = embeddings.get(0).length;
        float[][] copy = new float[embeddings.size()][];
        for (int i = 0; i < copy.length; i++) {
            if (embeddings.get(i).length != dim) {
                throw new BadInputException("nn: embedding " + i + " has length " + embeddings.get(i).length
                        + ", expected " + dim);
            }
            copy[i] = embeddings.get(i).clone();
        }
        return new NearestNeighbourLibrary(patches, copy);
    }

    public int size() {
        return patches.size();
    }

    /** Renders spent building the library (one per entry). */
    public int renders() {
        return patches.size();
    }

    public Patch patch(int i) {
        return patches.get(i);
    }

    /** A copy of entry i's embedding. */
    public float[] embedding(int i) {
        return embeddings[i].clone();
    }

    /** One retrieved entry. */
    public record Neighbour(int index, double distance) {
    }

    /**
     * The {@code k} entries nearest to {@code query} by standardised L2 distance (see the class
     * comment), nearest first; ties go to the lower index, so the answer is deterministic.
     */
    public List<Neighbour> nearest(float[] query, int k) {
        List<Neighbour> all = new ArrayList<>(embeddings.length);
        for (int i = 0; i < embeddings.length; i++) {
            if (i % 1024 == 0) {
                RenderMeter.checkInterrupted();
            }
            all.add(new Neighbour(i, distance(query, i)));
        }
        all.sort((a, b) -> a.distance() != b.distance()
                ? Double.compare(a.distance(), b.distance()) : Integer.compare(a.index(), b.index()));
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }
}
