/**
 * Value types for figures that one module computes and another shows (the quality module's indicators): a
 * {@link org.jinlin.shared.figures.Tally} of the records a rate is made of, and a
 * {@link org.jinlin.shared.figures.CountedRecord}, one of those records as a drill-down lists it.
 */
package org.jinlin.shared.figures;
