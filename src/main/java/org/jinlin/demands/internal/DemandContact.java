package org.jinlin.demands.internal;

/**
 * How to reach the person who raised a demand, in clear: the register's full name for a resident (the masked name
 * a caller outside the register gave), and the phone the demand carries or else the register's. Shown once, to
 * staff of the demand's area, and audited; never logged.
 */
public record DemandContact(long demandId, String name, String phone) {
}
