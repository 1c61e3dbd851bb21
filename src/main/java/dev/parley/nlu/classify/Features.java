package dev.parley.nlu.classify;

/** A message as the classifier sees it: the sentence embedding (meaning) and lexical n-grams (exact words). */
record Features(float[] dense, SparseVector sparse) {
}
