package dev.parley.nlu;

/** The seam every other feature uses: text in, {@link NluResult} out. */
public interface NluPipeline {

    NluResult parse(String text);
}
