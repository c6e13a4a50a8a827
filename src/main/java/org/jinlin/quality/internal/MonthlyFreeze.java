package org.jinlin.quality.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.shared.Actor;
import org.jinlin.shared.ActorPrincipal;
import org.jinlin.shared.Role;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Freezes a closed month's figures of the city, its districts and its streets, so that the month's report does not
 * wait for someone to open it (other territories are still frozen the first time they are reported). Runs as the
 * city-wide system account {@code system:quality}; idempotent (a figure already frozen stays as it is).
 */
@Service
@RequiredArgsConstructor
public class MonthlyFreeze {

	private static final Logger log = LoggerFactory.getLogger(MonthlyFreeze.class);

	static final String SYSTEM = "system:quality";

	private final QualityIndicators indicators;

	private final Territories territories;

	/** The month before the current one (the city's calendar). */
	public static YearMonth lastClosedMonth() {
		return YearMonth.now(QualityIndicators.ZONE).minusMonths(1);
	}

	/**
	 * Freezes the month for every city, district and street not frozen yet.
	 *
	 * @return how many figures were frozen by this call (0 when everything already was)
	 */
	public int freeze(YearMonth month) {
		int frozen = 0;
		for (TerritoryNode city : territories.lookupLevelUnder(TerritoryLevel.CITY, "/")) {
			List<TerritoryNode> nodes = new ArrayList<>();
			nodes.add(city);
			nodes.addAll(territories.lookupLevelUnder(TerritoryLevel.DISTRICT, city.path()));
			nodes.addAll(territories.lookupLevelUnder(TerritoryLevel.STREET, city.path()));
			Actor system = new Actor(null, SYSTEM, Set.of(Role.CITY_OFFICIAL), city.id(), city.path(), null, null);
			SecurityContext previous = SecurityContextHolder.getContext();
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(new UsernamePasswordAuthenticationToken((ActorPrincipal) () -> system, null,
					List.of()));
			SecurityContextHolder.setContext(context);
			try {
				for (TerritoryNode node : nodes) {
					frozen += indicators.freeze(node, month);
				}
			}
			finally {
				SecurityContextHolder.setContext(previous);
			}
		}
		log.info("Quality snapshots of {}: {} figures frozen", month, frozen);
		return frozen;
	}
}
