package org.jinlin.servicehours;

import java.util.List;

/**
 * Many confirmed pieces of service at once — a bulk import or a year of history — booked in one transaction
 * with the same rules as one {@link ServiceDelivered} each.
 */
public record ServicesDelivered(List<ServiceDelivered> services) {

	public ServicesDelivered {
		services = List.copyOf(services);
	}
}
