package org.jinlin.people;

/**
 * How to reach a resident: full name and phone in clear, for another module's audited reveal (staff calling back
 * a resident who raised a demand). Never logged, never shown without recording who saw it.
 */
public record ResidentContact(long residentId, String name, String phone) {
}
