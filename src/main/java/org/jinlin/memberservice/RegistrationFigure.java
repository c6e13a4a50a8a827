package org.jinlin.memberservice;

/**
 * The party members' registrations (在职党员报到) standing in a territory at a month's end: their number, the
 * territory's official resident population and the registrations per 1,000 residents (one decimal), {@code null}
 * without a population to divide by — never 0 for nothing.
 */
public record RegistrationFigure(long registrations, Long population, Double perThousand) {
}
