package org.jinlin.demands.internal;

import org.jinlin.demands.RaiseChannel;

import java.util.List;
import java.util.Map;

/**
 * A demand as raised: by a resident in the app, by staff on a resident's behalf, or by an Open311 client.
 *
 * @param locationNodeId a building, compound or grid (picked from the tree); or {@code null} with a map point
 * @param addressLabel the address as typed; from an Open311 client it may be the only location given
 *        ({@code address_string}), and is then matched against the territory's place names
 * @param residentId for staff raising on behalf: the registered resident, if known
 * @param contactName for callers not in the register (and Open311 clients): shown masked only
 * @param contactPhone encrypted at rest, masked everywhere else
 * @param answers answers to the category's questions, by attribute code
 * @param mediaUrl an Open311 client's {@code media_url}: an http(s) link kept and shown as a link, never fetched
 */
public record RaiseDemand(String categoryCode, String description, Long locationNodeId, Double latitude,
		Double longitude, String addressLabel, RaiseChannel channel, Long residentId, String contactName,
		String contactPhone, Boolean showNamePublicly, Map<String, List<String>> answers, String mediaUrl) {

	public RaiseDemand {
		answers = answers == null ? Map.of() : Map.copyOf(answers);
	}

	/** A demand raised without a media link (the app, the desk). */
	public RaiseDemand(String categoryCode, String description, Long locationNodeId, Double latitude,
			Double longitude, String addressLabel, RaiseChannel channel, Long residentId, String contactName,
			String contactPhone, Boolean showNamePublicly, Map<String, List<String>> answers) {
		this(categoryCode, description, locationNodeId, latitude, longitude, addressLabel, channel, residentId,
				contactName, contactPhone, showNamePublicly, answers, null);
	}
}
