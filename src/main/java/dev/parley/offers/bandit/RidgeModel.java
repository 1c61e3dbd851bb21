package dev.parley.offers.bandit;

/**
 * Online ridge regression, the statistics of LinUCB: A = lambda*I + sum x x', b = sum r x, theta = A^-1 b.
 * A^-1 is kept current with the Sherman-Morrison update (O(d^2) per reward) and recomputed exactly from A when
 * restored from a snapshot. Not thread-safe: callers copy-on-write ({@link #copy()}).
 */
public final class RidgeModel {

    private final int d;
    private final double[] a;
    private final double[] aInverse;
    private final double[] b;
    private final double[] theta;
    private long updates;

    public RidgeModel(int dimension, double lambda) {
        this.d = dimension;
        this.a = new double[d * d];
        this.aInverse = new double[d * d];
        this.b = new double[d];
        this.theta = new double[d];
        for (int i = 0; i < d; i++) {
            a[i * d + i] = lambda;
            aInverse[i * d + i] = 1.0 / lambda;
        }
    }

    private RidgeModel(RidgeModel other) {
        this.d = other.d;
        this.a = other.a.clone();
        this.aInverse = other.aInverse.clone();
        this.b = other.b.clone();
        this.theta = other.theta.clone();
        this.updates = other.updates;
    }

    /** Rebuilds a model from its sufficient statistics (A and b). */
    public static RidgeModel restore(double[] a, double[] b, long updates) {
        int d = b.length;
        if (a.length != d * d) {
            throw new IllegalArgumentException("A must be " + d + "x" + d);
        }
        RidgeModel model = new RidgeModel(d, 1.0);
        System.arraycopy(a, 0, model.a, 0, a.length);
        System.arraycopy(b, 0, model.b, 0, d);
        System.arraycopy(invert(a, d), 0, model.aInverse, 0, a.length);
        model.updates = updates;
        model.solve();
        return model;
    }

    public RidgeModel copy() {
        return new RidgeModel(this);
    }

    public int dimension() {
        return d;
    }

    public long updates() {
        return updates;
    }

    public double predict(double[] x) {
        double sum = 0;
        for (int i = 0; i < d; i++) {
            sum += theta[i] * x[i];
        }
        return sum;
    }

    /** sqrt(x' A^-1 x): how uncertain the prediction for x still is. Visits only x's non-zero entries. */
    public double width(double[] x) {
        int[] nonZero = new int[d];
        int k = 0;
        for (int i = 0; i < d; i++) {
            if (x[i] != 0) {
                nonZero[k++] = i;
            }
        }
        double sum = 0;
        for (int a = 0; a < k; a++) {
            int i = nonZero[a];
            int row = i * d;
            double dot = 0;
            for (int c = 0; c < k; c++) {
                int j = nonZero[c];
                dot += aInverse[row + j] * x[j];
            }
            sum += x[i] * dot;
        }
        return Math.sqrt(Math.max(0, sum));
    }

    public void update(double[] x, double reward) {
        double[] ax = new double[d];
        for (int i = 0; i < d; i++) {
            double dot = 0;
            int row = i * d;
            for (int j = 0; j < d; j++) {
                dot += aInverse[row + j] * x[j];
            }
            ax[i] = dot;
        }
        double denominator = 1;
        for (int i = 0; i < d; i++) {
            denominator += x[i] * ax[i];
        }
        for (int i = 0; i < d; i++) {
            int row = i * d;
            double axi = ax[i] / denominator;
            for (int j = 0; j < d; j++) {
                aInverse[row + j] -= axi * ax[j];
            }
            for (int j = 0; j < d; j++) {
                a[row + j] += x[i] * x[j];
            }
            b[i] += reward * x[i];
        }
        updates++;
        solve();
    }

    public double[] a() {
        return a.clone();
    }

    public double[] b() {
        return b.clone();
    }

    public double[] theta() {
        return theta.clone();
    }

    private void solve() {
        for (int i = 0; i < d; i++) {
            double sum = 0;
            int row = i * d;
            for (int j = 0; j < d; j++) {
                sum += aInverse[row + j] * b[j];
            }
            theta[i] = sum;
        }
    }

    /** Gauss-Jordan inverse with partial pivoting; A is symmetric positive definite (ridge), so it exists. */
    static double[] invert(double[] matrix, int d) {
        double[] m = matrix.clone();
        double[] inv = new double[d * d];
        for (int i = 0; i < d; i++) {
            inv[i * d + i] = 1;
        }
        for (int col = 0; col < d; col++) {
            int pivot = col;
            for (int row = col + 1; row < d; row++) {
                if (Math.abs(m[row * d + col]) > Math.abs(m[pivot * d + col])) {
                    pivot = row;
                }
            }
            if (Math.abs(m[pivot * d + col]) < 1e-12) {
                throw new IllegalArgumentException("matrix is singular");
            }
            swapRows(m, col, pivot, d);
            swapRows(inv, col, pivot, d);
            double p = m[col * d + col];
            for (int j = 0; j < d; j++) {
                m[col * d + j] /= p;
                inv[col * d + j] /= p;
            }
            for (int row = 0; row < d; row++) {
                if (row != col) {
                    double factor = m[row * d + col];
                    if (factor != 0) {
                        for (int j = 0; j < d; j++) {
                            m[row * d + j] -= factor * m[col * d + j];
                            inv[row * d + j] -= factor * inv[col * d + j];
                        }
                    }
                }
            }
        }
        return inv;
    }

    private static void swapRows(double[] m, int r1, int r2, int d) {
        if (r1 == r2) {
            return;
        }
        for (int j = 0; j < d; j++) {
            double t = m[r1 * d + j];
            m[r1 * d + j] = m[r2 * d + j];
            m[r2 * d + j] = t;
        }
    }
}
