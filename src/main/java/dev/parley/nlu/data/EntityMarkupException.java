package dev.parley.nlu.data;

/** Entity markup inside one example is malformed; the message says where in the example and why. */
public class EntityMarkupException extends IllegalArgumentException {

    public EntityMarkupException(String message) {
        super(message);
    }
}
