package io.tether.codec.mdsf;

/**
 * The mdsf {@code undefined} value: an array hole or an explicitly undefined element.
 * It is distinct from {@code null}. Object members never hold it (the reader drops such
 * members and the writer omits them); array elements holding it are written as holes.
 */
public enum Undefined {
    /** The single undefined value, also available as {@link Mdsf#UNDEFINED}. */
    INSTANCE;

    @Override
    public String toString() {
        return "undefined";
    }
}
