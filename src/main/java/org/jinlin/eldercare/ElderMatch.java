package org.jinlin.eldercare;

/** An elder found by name, to pick from (e.g. staff logging a phone call). No health data, no phones. */
public record ElderMatch(long id, String name, int age, String addressLabel) {
}
