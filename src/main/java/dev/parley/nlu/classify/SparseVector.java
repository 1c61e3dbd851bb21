package dev.parley.nlu.classify;

/** Non-zero entries of a high-dimensional vector: feature indices and their values. */
record SparseVector(int[] indices, float[] values) {

    static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);
}
