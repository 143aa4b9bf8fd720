package dev.keel.sql.exec;

/** Where an operator pushes its rows. */
@FunctionalInterface
public interface RowSink {

    /** Takes a row; returns false to stop the producer. */
    boolean accept(Object[] row);
}
