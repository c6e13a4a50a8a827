package org.jinlin.people;

import java.time.Instant;

/** Someone viewed a resident's full ID number and phone; recorded by the audit log. */
public record ResidentPersonalDataViewed(long residentId, String viewer, String purpose, Instant at) {
}
