package org.jinlin.servicehours;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A confirmed piece of service, published by the module that confirmed it (micro-wishes, volunteer activities, ...).
 * This module records it once (the key is {@code source} + {@code sourceRef} + {@code personKey}) and posts its hours
 * and points to the person's account. Identity is the {@code personKey}: the account user name of the member or
 * volunteer, or {@code volunteer:<id>} for a volunteer registered without an account; the display name is stored
 * masked. Hours exclude travel.
 *
 * @param personKey whose service it was
 * @param personName the person's (or unit's) name, for statements and certificates
 * @param communityId the community served
 * @param territoryPath the path of the community (or finer node) served, for jurisdiction and figures
 * @param source where the record comes from
 * @param sourceRef the id in the source module, e.g. {@code wish:42} or {@code activity:7/shift:3}
 * @param category the service category, e.g. a five-helps code ({@code ELDERLY}, {@code CHILDREN}, ...)
 * @param content what was done, in a line
 * @param hours hours of service (two decimals, more than zero, at most 24)
 * @param problemSolved whether it solved a resident's problem (a micro-wish or a demand closed)
 * @param elderlyCare whether it was care for the elderly (time-bank deposit when the person joined the time bank)
 * @param deliveredAt when it was delivered
 * @param confirmedBy who confirmed it (the resident, the organiser, the community worker)
 */
public record ServiceDelivered(String personKey, String personName, long communityId, String territoryPath,
		ServiceSource source, String sourceRef, String category, String content, BigDecimal hours, boolean problemSolved,
		boolean elderlyCare, Instant deliveredAt, String confirmedBy) {
}
